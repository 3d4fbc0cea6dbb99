/**
 * Versions: saves listed newest first, naming the current one, previewing an older one read-only
 * with its differences marked (`data-diff` on node wrappers and edges), restoring it as a new
 * version, and Ctrl+Z after a restore bringing the previous graph back (saved as another version).
 */
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, normalize, openEditor, waitSaved, type WireGraph } from "./helpers";

type WireNode = WireGraph["nodes"][number];

const text = (id: string, words: string, x: number, y = 0): WireNode => ({ id, type: "text", position: { x, y }, data: { text: words } });
const MODEL: WireNode = { id: "model", type: "llm", position: { x: 480, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2", temperature: 0.7 } };
const wire = (id: string, source: string) => ({ id, source, sourceHandle: "text", target: "model", targetHandle: "user_message" });

// v1 (created) → v2 adds beta → v3 adds the model fed by beta → v4 edits alpha, moves the model, feeds it alpha and drops beta.
const V1: WireGraph = { nodes: [text("alpha", "first words", 0)], edges: [] };
const V2: WireGraph = { nodes: [...V1.nodes, text("beta", "second words", 0, 300)], edges: [] };
const V3: WireGraph = { nodes: [...V2.nodes, MODEL], edges: [wire("e-beta", "beta")] };
const V4: WireGraph = { nodes: [text("alpha", "first words, edited", 0), { ...MODEL, position: { x: 600, y: 60 } }], edges: [wire("e-alpha", "alpha")] };

const wrapper = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
const row = (page: Page, version: number) => page.locator(`[data-testid="version-row"][data-version="${version}"]`);

async function patchGraph(page: Page, id: string, version: number, graph: WireGraph): Promise<number> {
  const res = await page.request.patch(`/api/workflows/${id}`, { data: { version, ...graph } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { workflow: { version: number } }).workflow.version;
}

async function preview(page: Page, version: number): Promise<void> {
  await row(page, version).click();
  const banner = page.getByTestId("version-preview");
  await expect(banner).toHaveAttribute("data-version", String(version));
  await expect(banner).toHaveAttribute("data-status", "ready");
}

test("preview an older version, restore it, and undo the restore with Ctrl+Z", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Versions", V1);
  const saved: Record<number, ReturnType<typeof normalize>> = { 1: normalize(await getWorkflowByApi(page.request, id)) };
  let version = 1;
  for (const graph of [V2, V3, V4]) {
    version = await patchGraph(page, id, version, graph);
    saved[version] = normalize(await getWorkflowByApi(page.request, id));
  }
  expect(version).toBe(4);

  await openEditor(page, id);
  await page.getByTestId("toggle-versions").click();
  const rows = page.getByTestId("version-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute("data-version", "4");
  await expect(rows.first()).toHaveAttribute("data-current", "true");
  await expect(rows.first().getByTestId("version-counts")).toHaveText("2 nodes · 1 edge");
  await expect(rows.nth(1).getByTestId("version-current")).toHaveCount(0);

  // Naming the current version shows the name on its row.
  await page.getByTestId("version-name-input").fill("Before the restore");
  await page.getByTestId("version-name-save").click();
  await expect(row(page, 4).getByTestId("version-message")).toHaveText("Before the restore");

  // v3 against the editor's graph (v4): beta is back, alpha's text differs, the model only moved; edges swap.
  await preview(page, 3);
  await expect(page.getByTestId("version-preview")).toContainText("Previewing version 3");
  await expect(wrapper(page, "beta")).toHaveAttribute("data-diff", "added");
  await expect(wrapper(page, "alpha")).toHaveAttribute("data-diff", "changed");
  await expect(wrapper(page, "model")).toHaveAttribute("data-diff", "moved");
  await expect(edge(page, "e-beta")).toHaveAttribute("data-diff", "added");
  await expect(edge(page, "e-alpha")).toHaveAttribute("data-diff", "removed");
  await page.screenshot({ path: "test-results/version-preview.png" });
  await expect(page.getByTestId("diff-legend-added")).toHaveAttribute("data-count", "1");
  // The version's own data, read-only: nodes are inert, undo and the node panel are held.
  await expect(page.getByTestId("text-input-alpha")).toHaveValue("first words");
  await expect(wrapper(page, "alpha")).toHaveAttribute("inert", "");
  await expect(page.getByTestId("undo")).toBeDisabled();
  await page.keyboard.press("Delete");
  await expect(wrapper(page, "beta")).toBeVisible();

  // v1: the model is in the editor's graph only, drawn as a ghost; beta is in neither.
  await preview(page, 1);
  await expect(wrapper(page, "model")).toHaveAttribute("data-diff", "removed");
  await expect(wrapper(page, "alpha")).toHaveAttribute("data-diff", "changed");
  await expect(wrapper(page, "beta")).toHaveCount(0);

  // Back to current: the editor's graph, untouched and unmarked.
  await page.getByTestId("version-back").click();
  await expect(page.getByTestId("version-preview")).toHaveCount(0);
  await expect(page.locator("[data-node-type]")).toHaveCount(2);
  await expect(wrapper(page, "alpha")).not.toHaveAttribute("data-diff");
  await expect(page.getByTestId("text-input-alpha")).toHaveValue("first words, edited");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // Restore v3: saved as v5, shown on the canvas, listed as current and "restored from v3".
  await preview(page, 3);
  await page.getByTestId("version-restore").click();
  await expect(page.getByTestId("toast").filter({ hasText: "Restored version 3 as version 5" })).toBeVisible();
  await expect(page.getByTestId("version-preview")).toHaveCount(0);
  await expect(node(page, "beta")).toBeVisible();
  await expect(page.locator("[data-node-type]")).toHaveCount(3);
  await expect(page.getByTestId("text-input-alpha")).toHaveValue("first words");
  await expect(wrapper(page, "beta")).not.toHaveAttribute("data-diff");
  await expect(rows.first()).toHaveAttribute("data-version", "5");
  await expect(rows.first()).toHaveAttribute("data-current", "true");
  await expect(rows.first().getByTestId("version-restored-from")).toHaveText("restored from v3");
  const restored = await getWorkflowByApi(page.request, id);
  expect(restored.version).toBe(5);
  expect(normalize(restored)).toEqual(saved[3]);

  // Ctrl+Z brings v4's graph back; autosave saves it as v6.
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("Control+z");
  await expect(node(page, "beta")).toHaveCount(0);
  await expect(page.getByTestId("text-input-alpha")).toHaveValue("first words, edited");
  await waitSaved(page);
  const undone = await getWorkflowByApi(page.request, id);
  expect(undone.version).toBe(6);
  expect(normalize(undone)).toEqual(saved[4]);
  await expect(rows.first()).toHaveAttribute("data-version", "6");
  await expect(rows.first()).toHaveAttribute("data-current", "true");
  await expect(row(page, 5).getByTestId("version-restored-from")).toHaveText("restored from v3");
});
