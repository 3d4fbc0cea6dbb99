/**
 * Issue 11, items 7 and 9. Tidy up lays a pile of nodes out left to right with no two boxes
 * overlapping, as one undo step (Ctrl+Z puts the pile back; Shift+Alt+T tidies again). The
 * dashboard then draws the workflow's shape on its card — a box per node — and its last run.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { boxOf, overlaps, settledViewport, type Box } from "./canvas-geometry";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, type WireGraph } from "./helpers";

const LLM = { provider: "openai-compatible", model: "llama3.2" };
const ids = ["system", "question", "style", "answer", "polish", "summary", "aside"];
/** Seven nodes piled up a few pixels apart: three texts feed a chain of three models; "aside" is connected to nothing. */
const PILE: WireGraph = {
  nodes: ids.map((id, i) => ({
    id,
    type: ["answer", "polish", "summary"].includes(id) ? "llm" : "text",
    position: { x: 200 + i * 12, y: 100 + i * 9 },
    data: ["answer", "polish", "summary"].includes(id) ? LLM : { text: `${id} text` },
  })),
  edges: [
    { id: "e1", source: "system", sourceHandle: "text", target: "answer", targetHandle: "system_prompt" },
    { id: "e2", source: "question", sourceHandle: "text", target: "answer", targetHandle: "user_message" },
    { id: "e3", source: "answer", sourceHandle: "output", target: "polish", targetHandle: "user_message" },
    { id: "e4", source: "style", sourceHandle: "text", target: "polish", targetHandle: "system_prompt" },
    { id: "e5", source: "polish", sourceHandle: "output", target: "summary", targetHandle: "user_message" },
  ],
};

const shot = async (page: Page, name: string) => {
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, `${name}.png`) });
};

async function boxes(page: Page): Promise<Map<string, Box>> {
  await settledViewport(page);
  return new Map(await Promise.all(ids.map(async (id) => [id, await boxOf(node(page, id))] as const)));
}

function overlappingPairs(drawn: Map<string, Box>): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) if (overlaps(drawn.get(ids[i])!, drawn.get(ids[j])!)) pairs.push(`${ids[i]}/${ids[j]}`);
  }
  return pairs;
}

async function savedPositions(page: Page, id: string): Promise<Record<string, { x: number; y: number }>> {
  const graph = await getWorkflowByApi(page.request, id);
  return Object.fromEntries(graph.nodes.map((n) => [n.id, n.position]));
}

test("tidy up unpiles the graph left to right in one undo step; the dashboard pictures it with its last run", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, `Piled up ${Date.now()}`, PILE);
  const piled = Object.fromEntries(PILE.nodes.map((n) => [n.id, n.position]));
  await openEditor(page, id);
  await expect(page.locator(".react-flow__node")).toHaveCount(ids.length);
  expect(overlappingPairs(await boxes(page)).length, "the pile overlaps to begin with").toBeGreaterThan(0);

  // ELK lays the graph out in its Web Worker (lib/canvas/elk-layout.ts), so the page keeps answering meanwhile.
  const worker = page.waitForEvent("worker");
  await page.getByTestId("tidy-up").click();
  // Done when the button stops saying it works (the worker's first use loads ELK), and the view has settled on the result.
  await expect(page.getByTestId("tidy-up")).toHaveAttribute("aria-busy", "false");
  await expect.poll(async () => overlappingPairs(await boxes(page))).toEqual([]);
  const elk = await worker;
  expect(new URL(elk.url()).pathname).toBe("/vendor/elk-worker.js");
  // Its script loaded and ran: ELK's worker answers messages.
  expect(await elk.evaluate(() => typeof self.onmessage)).toBe("function");
  const tidied = await boxes(page);
  for (const e of PILE.edges) {
    const [from, to] = [tidied.get(e.source)!, tidied.get(e.target)!];
    expect(from.x + from.width, `${e.source} → ${e.target} runs left to right`).toBeLessThan(to.x);
  }
  // Ports in order: what feeds the upper input (system prompt) sits above what feeds the user message.
  expect(tidied.get("system")!.y).toBeLessThan(tidied.get("question")!.y);
  await expect.poll(() => savedPositions(page, id)).not.toEqual(piled);

  // One step: a single undo brings the pile back exactly and leaves nothing more to undo.
  await page.keyboard.press("Control+z");
  await expect.poll(() => savedPositions(page, id)).toEqual(piled);
  await expect(page.getByTestId("undo")).toBeDisabled();

  // The shortcut tidies too (nothing selected: the whole graph).
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Shift+Alt+T");
  await expect.poll(async () => overlappingPairs(await boxes(page))).toEqual([]);

  await page.getByTestId("run").click();
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "COMPLETED", { timeout: 60_000 });

  // A second workflow, the template, so the dashboard shows more than one shape.
  expect((await page.request.post("/api/templates/product-marketing-kit")).ok()).toBeTruthy();
  await page.getByRole("link", { name: "Back to workflows" }).click();
  const card = page.locator(`[data-testid="workflow-card"][data-workflow-id="${id}"]`);
  await expect(card.getByTestId("workflow-preview").getByTestId("preview-node")).toHaveCount(ids.length);
  await expect(card.getByTestId("workflow-preview").locator("path")).toHaveCount(PILE.edges.length);
  await expect(card.getByTestId("workflow-last-run")).toHaveAttribute("data-status", "COMPLETED");
  await expect(card.getByTestId("workflow-last-run")).toContainText(/success.*just now/);
  const template = page.getByTestId("workflow-card").filter({ hasText: "Product Marketing Kit" }).first();
  await expect(template.getByTestId("workflow-preview").getByTestId("preview-node")).toHaveCount(8);
  await expect(template.getByTestId("workflow-last-run")).toHaveText("Never run");
  await shot(page, "dashboard-previews");
});
