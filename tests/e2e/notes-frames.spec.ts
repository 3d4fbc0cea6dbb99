/**
 * Issue 11, item 6: notes and frames. A note is written in Markdown and shown rendered, resized;
 * a frame is put around two nodes and dragging it carries them; each step undoes in one Ctrl+Z.
 * Both survive a reload and export → import into a new workflow, and a run of the workflow plans
 * only the real nodes: its details list the Text and LLM nodes, never the note or the frame.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addNode, createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, setStubReply, waitSaved, type WireGraph } from "./helpers";

const START: WireGraph = {
  nodes: [
    { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "Name a colour." } },
    { id: "model", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2" } },
  ],
  edges: [{ id: "e1", source: "prompt", sourceHandle: "text", target: "model", targetHandle: "user_message" }],
};

type Saved = WireGraph["nodes"][number] & { width?: number; height?: number };
const savedNodes = async (page: Page, id: string) => (await getWorkflowByApi(page.request, id)).nodes as Saved[];
const byId = (nodes: Saved[], id: string) => nodes.find((n) => n.id === id)!;
const ofType = (nodes: Saved[], type: string) => nodes.filter((n) => n.type === type);

const shot = async (page: Page, name: string) => {
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, `${name}.png`) });
};

/** Drags with the mouse from a point by (dx, dy) screen pixels, in steps as a person would. */
async function dragBy(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 5 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
  await page.mouse.up();
}

/** Writes a note, resizes it, frames two nodes and drags the frame; checks each step undoes alone, then redoes them. */
async function annotate(page: Page, workflowId: string): Promise<{ noteId: string; frameId: string }> {
  const noteId = await addNode(page, "note");
  await page.getByTestId(`note-edit-${noteId}`).click();
  await page.getByTestId(`note-text-${noteId}`).fill("## Plan\n\nAsk for **one** colour.");
  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  const view = page.getByTestId(`note-view-${noteId}`);
  await expect(view.locator("h2")).toHaveText("Plan");
  await expect(view.locator("strong")).toHaveText("one");

  await node(page, noteId).click({ position: { x: 40, y: 8 } });
  const corner = node(page, noteId).locator(".react-flow__resize-control.handle.bottom.right");
  const c = (await corner.boundingBox())!;
  await dragBy(page, { x: c.x + c.width / 2, y: c.y + c.height / 2 }, 120, 80);
  await waitSaved(page);
  const resized = byId(await savedNodes(page, workflowId), noteId);
  expect(resized.width).toBeGreaterThan(260);
  expect(resized.height).toBeGreaterThan(180);
  return { noteId, frameId: await frameAndDrag(page) };
}

async function frameAndDrag(page: Page): Promise<string> {
  await node(page, "prompt").getByTestId("node-header").click();
  await node(page, "model").getByTestId("node-header").click({ modifiers: ["Shift"] });
  await page.keyboard.press("Control+Alt+g");
  const frames = page.locator('[data-node-type="frame"]');
  await expect(frames).toHaveCount(1);
  const frameId = (await frames.getAttribute("data-testid"))!.replace(/^node-/, "");
  await page.getByTestId(`frame-title-${frameId}`).fill("Ask the model");
  await page.getByTestId(`frame-title-${frameId}`).press("Enter");
  // Grab the title bar right of the title field.
  const bar = (await node(page, frameId).getByTestId("node-header").boundingBox())!;
  await dragBy(page, { x: bar.x + bar.width - 60, y: bar.y + bar.height / 2 }, 150, 100);
  return frameId;
}

test("notes and frames: written, resized, framed and dragged, each step one undo; they survive reload and export/import, and runs leave them out", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Annotated", START);
  await openEditor(page, id);
  const before = await savedNodes(page, id);

  const { noteId, frameId } = await annotate(page, id);
  await waitSaved(page);
  const after = await savedNodes(page, id);
  const moved = (nodeId: string) => ({ x: byId(after, nodeId).position.x - byId(before, nodeId).position.x, y: byId(after, nodeId).position.y - byId(before, nodeId).position.y });
  // Both framed nodes moved with the frame, by the same amount; every position stays absolute.
  expect(moved("prompt").x).toBeGreaterThan(50);
  expect(moved("model")).toEqual(moved("prompt"));
  expect(byId(after, frameId).data).toEqual({ title: "Ask the model" });
  expect(after.every((n) => !("parentId" in n))).toBe(true);
  await shot(page, "note-and-frame");

  // One Ctrl+Z per step: the frame drag, the title, the frame, the resize, the text, the note.
  const pane = page.locator(".react-flow__pane");
  await pane.click({ position: { x: 10, y: 10 } });
  const undo = async () => {
    await page.keyboard.press("Control+z");
    await waitSaved(page);
    return savedNodes(page, id);
  };
  let now = await undo();
  expect(byId(now, "prompt").position).toEqual(byId(before, "prompt").position);
  expect(byId(now, frameId).data).toEqual({ title: "Ask the model" });
  now = await undo();
  expect(byId(now, frameId).data).toEqual({ title: "Frame" });
  now = await undo();
  expect(ofType(now, "frame")).toHaveLength(0);
  now = await undo();
  expect([byId(now, noteId).width, byId(now, noteId).height]).toEqual([260, 180]);
  now = await undo();
  expect(byId(now, noteId).data.text).toBe("");
  now = await undo();
  expect(ofType(now, "note")).toHaveLength(0);
  for (let i = 0; i < 6; i++) await page.keyboard.press("Control+Shift+z");
  await expect(page.getByTestId("redo")).toBeDisabled();
  await waitSaved(page);
  expect(await savedNodes(page, id)).toEqual(after);

  // Reload: the note's text, size and the frame come back.
  await page.reload();
  await expect(page.getByTestId("editor")).toBeVisible();
  await expect(page.getByTestId(`note-view-${noteId}`).locator("h2")).toHaveText("Plan");
  await expect(page.getByTestId(`frame-title-${frameId}`)).toHaveValue("Ask the model");
  const drawn = (await node(page, noteId).boundingBox())!;
  const zoom = await page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  expect(drawn.width / zoom).toBeCloseTo(byId(after, noteId).width!, 0);
  expect(drawn.height / zoom).toBeCloseTo(byId(after, noteId).height!, 0);

  // Export, then import into a new workflow: both come along as they were.
  const download = page.waitForEvent("download");
  await page.getByTestId("export").click();
  const json = JSON.parse(await readFile((await (await download).path())!, "utf8")) as unknown;
  await page.goto("/workflows");
  await page.getByTestId("import-workflow-file").setInputFiles({ name: "annotated.galaxy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
  await expect(page).toHaveURL(/\/workflows\/(?!.*\/)/);
  await expect(page.getByTestId("editor")).toBeVisible();
  const importedId = page.url().split("/").pop()!;
  expect(importedId).not.toBe(id);
  const imported = await savedNodes(page, importedId);
  expect(ofType(imported, "note")).toEqual(ofType(after, "note"));
  expect(ofType(imported, "frame")).toEqual(ofType(after, "frame"));
  await expect(page.getByTestId(`note-view-${noteId}`).locator("strong")).toHaveText("one");

  // A run: its details list the Text and LLM nodes only.
  await setStubReply({ text: "Teal." });
  try {
    await page.getByTestId("run").click();
    const row = page.getByTestId("history-row").first();
    await expect(row).toHaveAttribute("data-status", "COMPLETED", { timeout: 60_000 });
    await row.click();
    const cards = page.getByTestId("run-detail").getByTestId("detail-node");
    await expect(cards).toHaveCount(2);
    expect((await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-node-id")))).sort()).toEqual(["model", "prompt"]);
  } finally {
    await setStubReply(null);
  }

  // Only the note chosen: nothing to run, and no "Run selected" offered.
  await node(page, noteId).click({ position: { x: 40, y: 8 } });
  await expect(page.getByTestId("run-selected")).toHaveCount(0);
});

test("a frame is held by its title bar: a box selection started on its body selects the nodes inside and leaves the frame where it was", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Box inside a frame", {
    nodes: [
      { id: "frame", type: "frame", position: { x: -60, y: -80 }, data: { title: "Group" }, width: 1000, height: 1100 } as Saved,
      ...START.nodes,
    ],
    edges: START.edges,
  });
  await openEditor(page, id);
  const frameBox = (await node(page, "frame").boundingBox())!;
  const modelBox = (await node(page, "model").boundingBox())!;
  const promptBox = (await node(page, "prompt").boundingBox())!;
  // From the frame's empty body below-left of both nodes to past the LLM node, in box-selection mode (S).
  const from = { x: promptBox.x - 20, y: Math.max(promptBox.y + promptBox.height, modelBox.y + modelBox.height) + 20 };
  expect(from.y).toBeLessThan(frameBox.y + frameBox.height);
  await page.getByTestId("canvas").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("s");
  await dragBy(page, from, modelBox.x + modelBox.width + 20 - from.x, promptBox.y - 20 - from.y);
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await expect(node(page, "frame").locator("xpath=..")).not.toHaveClass(/selected/);
  expect(await node(page, "frame").boundingBox()).toEqual(frameBox);

  // Its title bar still takes it (and the nodes inside) along.
  const bar = (await node(page, "frame").getByTestId("node-header").boundingBox())!;
  await page.keyboard.press("s");
  await dragBy(page, { x: bar.x + bar.width - 30, y: bar.y + bar.height / 2 }, 60, 40);
  await expect.poll(async () => (await node(page, "frame").boundingBox())!.x).toBeGreaterThan(frameBox.x + 30);
});
