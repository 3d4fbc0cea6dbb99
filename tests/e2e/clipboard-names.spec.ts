/**
 * Selection, the clipboard and node names (issue 11, items 1-3): copy between workflows through the
 * system clipboard, hostile clipboard text refused, a name shown wherever the node is named,
 * duplicate, box selection, delete — each one undo step.
 */
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, setStubReply, waitSaved, type WireGraph } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const PAIR: WireGraph = {
  nodes: [
    { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "sparkling cold brew" } },
    { id: "model", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2", temperature: 0.3 } },
  ],
  edges: [{ id: "e1", source: "prompt", sourceHandle: "text", target: "model", targetHandle: "user_message" }],
};

const selected = (page: Page) => page.locator(".react-flow__node.selected");
const allNodes = (page: Page) => page.locator(".react-flow__node");
const allEdges = (page: Page) => page.locator(".react-flow__edge");

/** A click on the empty canvas: focus on the page, not in a field. */
async function clickPane(page: Page): Promise<void> {
  await page.locator(".react-flow__pane").click({ position: { x: 30, y: 30 } });
}

async function hoverCanvasAt(page: Page, fx: number, fy: number): Promise<void> {
  const box = (await page.getByTestId("canvas").boundingBox())!;
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
}

test("select all, copy, paste into another workflow: nodes, params and the edge arrive with new ids, run, and undo in one step", async ({ page }) => {
  await ensureSignedIn(page);
  const a = await createWorkflowByApi(page.request, "Copy from", PAIR);
  const b = await createWorkflowByApi(page.request, "Paste into");
  await openEditor(page, a);
  await expect(allNodes(page)).toHaveCount(2);
  await clickPane(page);
  await page.keyboard.press("Control+a");
  await expect(selected(page)).toHaveCount(2);
  await page.keyboard.press("Control+c");
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('"galaxy":"nodes"');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toMatchObject({ galaxy: "nodes", version: 1, nodes: [{ id: "prompt" }, { id: "model" }], edges: [{ source: "prompt", target: "model" }] });

  await openEditor(page, b);
  await expect(page.getByTestId("canvas")).toHaveAttribute("data-view", "ready");
  await expect(allNodes(page)).toHaveCount(0);
  await hoverCanvasAt(page, 0.3, 0.3);
  await page.keyboard.press("Control+v");
  await expect(allNodes(page)).toHaveCount(2);
  await expect(allEdges(page)).toHaveCount(1);
  await expect(selected(page)).toHaveCount(2);
  await waitSaved(page);
  const pasted = await getWorkflowByApi(page.request, b);
  const text = pasted.nodes.find((n) => n.type === "text")!;
  const llm = pasted.nodes.find((n) => n.type === "llm")!;
  expect([text.id, llm.id]).not.toContain("prompt");
  expect([text.id, llm.id]).not.toContain("model");
  expect(text.data).toMatchObject({ text: "sparkling cold brew" });
  expect(llm.data).toMatchObject({ provider: "openai-compatible", model: "llama3.2", temperature: 0.3 });
  expect(pasted.edges).toHaveLength(1);
  expect(pasted.edges[0]).toMatchObject({ source: text.id, sourceHandle: "text", target: llm.id, targetHandle: "user_message" });
  expect(pasted.edges[0].id).not.toBe("e1");

  await setStubReply({ text: "A bright, fizzy launch line." });
  try {
    await page.getByTestId("run").click();
    await expect(node(page, llm.id)).toHaveAttribute("data-status", "SUCCESS", { timeout: 60_000 });
    await expect(page.getByTestId(`result-text-${llm.id}`)).toContainText("A bright, fizzy launch line.");
  } finally {
    await setStubReply(null);
  }

  await clickPane(page);
  await page.keyboard.press("Control+z");
  await expect(allNodes(page)).toHaveCount(0);
  await expect(page.getByTestId("undo")).toBeDisabled();

  // Pasted twice at the same place: the second lands beside the first, not on top of it.
  await hoverCanvasAt(page, 0.3, 0.3);
  await page.keyboard.press("Control+v");
  await page.keyboard.press("Control+v");
  await expect(allNodes(page)).toHaveCount(4);
  const boxes = await page.locator('[data-node-type="text"]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
  expect(Math.abs(boxes[0] - boxes[1])).toBeGreaterThan(10);
});

test("hostile or foreign clipboard text is refused in plain words and changes nothing", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Hostile paste", PAIR);
  await openEditor(page, id);
  await expect(allNodes(page)).toHaveCount(2);
  const toast = page.getByTestId("toast").last();
  const paste = async (value: string) => {
    await page.evaluate((text) => navigator.clipboard.writeText(text), value);
    await clickPane(page);
    await page.keyboard.press("Control+v");
  };
  const envelope = (nodes: unknown[], edges: unknown[] = []) => JSON.stringify({ galaxy: "nodes", version: 1, nodes, edges });

  await paste(envelope([{ id: "x", type: "shell", position: { x: 0, y: 0 }, data: { cmd: "rm -rf /" } }]));
  await expect(toast).toHaveText(/^These nodes cannot be pasted: node 1 is of a type Galaxy does not know/);
  await expect(toast).toHaveAttribute("data-tone", "error");

  await paste(envelope([{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "hi", label: "x".repeat(200) } }]));
  await expect(toast).toHaveText(/cannot be pasted: .*at most 80 characters/);

  const many = Array.from({ length: 499 }, (_, i) => ({ id: `t${i}`, type: "text", position: { x: i, y: 0 }, data: {} }));
  await paste(envelope(many));
  await expect(toast).toHaveText(/cannot be pasted: 499 more nodes would make 501 on this canvas, and a workflow holds at most 500/);

  await paste('{"nodes":[{"id":"a"}],"hello":"world"}');
  await expect(toast).toHaveText("The clipboard holds no Galaxy nodes.");

  // In a field, the field gets the text and nothing is said.
  await page.getByTestId("text-input-prompt").click();
  await page.evaluate(() => navigator.clipboard.writeText(" and more"));
  await page.keyboard.press("End");
  await page.keyboard.press("Control+v");
  await expect(page.getByTestId("text-input-prompt")).toHaveValue("sparkling cold brew and more");

  await expect(allNodes(page)).toHaveCount(2);
  await waitSaved(page);
  expect((await getWorkflowByApi(page.request, id)).nodes).toHaveLength(2);
});

test("a renamed node is named in its header, the connect dialog, run details and logs; undo restores the name", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Names", PAIR);
  await openEditor(page, id);
  const title = page.getByTestId("node-title-model");
  await expect(title).toHaveText("Run Any LLM");

  // Escape cancels.
  await title.dblclick();
  await page.getByTestId("node-title-input-model").fill("never kept");
  await page.keyboard.press("Escape");
  await expect(title).toHaveText("Run Any LLM");

  await title.dblclick();
  const input = page.getByTestId("node-title-input-model");
  await expect(input).toHaveAttribute("maxlength", "80");
  await input.fill("Headline writer");
  await page.keyboard.press("Enter");
  await expect(title).toHaveText("Headline writer");
  await waitSaved(page);
  expect((await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === "model")!.data.label).toBe("Headline writer");

  await page.getByTestId("node-menu-prompt").click();
  await page.getByTestId("cmd-node.connect").click();
  await expect(page.getByTestId("connect-to-model-system_prompt")).toContainText("Headline writer · ");
  await page.getByTestId("connect-dialog").getByRole("button", { name: "Close" }).click();

  await setStubReply({ text: "A bright, fizzy launch line." });
  try {
    await page.getByTestId("run").click();
    const row = page.getByTestId("history-row").first();
    await expect(row).toHaveAttribute("data-status", "COMPLETED", { timeout: 60_000 });
    await row.click();
    const card = page.locator('[data-testid="detail-node"][data-node-id="model"]');
    await expect(card).toContainText("Headline writer");
    await expect(page.getByTestId("run-logs")).toContainText('node "Headline writer" (model) started');
  } finally {
    await setStubReply(null);
  }

  // F2 renames the one selected node; the menu's Rename opens the same field.
  await node(page, "prompt").getByTestId("node-header").click({ position: { x: 150, y: 12 } });
  await page.keyboard.press("F2");
  await page.getByTestId("node-title-input-prompt").fill("Brief");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-title-prompt")).toHaveText("Brief");
  await page.getByTestId("node-menu-prompt").click();
  await page.getByTestId("cmd-node.rename").click();
  await page.getByTestId("node-title-input-prompt").fill("");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-title-prompt")).toHaveText("Text");

  await clickPane(page);
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("node-title-prompt")).toHaveText("Brief");
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("node-title-prompt")).toHaveText("Text");
  await page.keyboard.press("Control+z");
  await expect(title).toHaveText("Run Any LLM");
});

test("box select, duplicate with the inner edge, Escape clears, Delete removes nodes and edges in one undo step", async ({ page }) => {
  await ensureSignedIn(page);
  const graph: WireGraph = { ...PAIR, nodes: [...PAIR.nodes, { id: "other", type: "text", position: { x: 900, y: 0 }, data: { text: "alone" } }] };
  const id = await createWorkflowByApi(page.request, "Selection", graph);
  await openEditor(page, id);
  await expect(allNodes(page)).toHaveCount(3);

  // Shift+drag on the empty canvas around the pair selects just them.
  const a = (await node(page, "prompt").boundingBox())!;
  const b = (await node(page, "model").boundingBox())!;
  const box = { left: Math.min(a.x, b.x) - 20, top: Math.min(a.y, b.y) - 20, right: Math.max(a.x + a.width, b.x + b.width) + 20, bottom: Math.max(a.y + a.height, b.y + b.height) + 20 };
  await page.keyboard.down("Shift");
  await page.mouse.move(box.left, box.top);
  await page.mouse.down();
  await page.mouse.move(box.right, box.bottom, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(selected(page)).toHaveCount(2);
  await expect(page.locator(".react-flow__node.selected [data-testid='node-other']")).toHaveCount(0);

  await page.keyboard.press("Control+d");
  await expect(allNodes(page)).toHaveCount(5);
  await expect(allEdges(page)).toHaveCount(2);
  await expect(selected(page)).toHaveCount(2);
  await expect(page.locator(".react-flow__node.selected [data-testid='node-prompt']")).toHaveCount(0);

  await page.keyboard.press("Escape");
  await expect(selected(page)).toHaveCount(0);

  // Selection mode: a plain drag draws the box.
  await page.getByTestId("toggle-selection-mode").click();
  await expect(page.getByTestId("toggle-selection-mode")).toHaveAttribute("aria-pressed", "true");
  await page.mouse.move(box.left, box.top);
  await page.mouse.down();
  await page.mouse.move(box.right, box.bottom, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator(".react-flow__node.selected [data-testid='node-prompt']")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await expect(page.getByTestId("toggle-selection-mode")).toHaveAttribute("aria-pressed", "false");

  await waitSaved(page);
  await node(page, "prompt").getByTestId("node-header").click({ position: { x: 150, y: 12 } });
  await expect(selected(page)).toHaveCount(1);
  await page.keyboard.press("Delete");
  await expect(allNodes(page)).toHaveCount(4);
  await expect(allEdges(page)).toHaveCount(1);
  await waitSaved(page);
  const after = await getWorkflowByApi(page.request, id);
  expect(after.nodes.map((n) => n.id)).not.toContain("prompt");
  expect(after.edges.some((e) => e.source === "prompt")).toBe(false);

  await page.keyboard.press("Control+z");
  await expect(allNodes(page)).toHaveCount(5);
  await expect(allEdges(page)).toHaveCount(2);
  await page.keyboard.press("Control+z");
  await expect(allNodes(page)).toHaveCount(3);
  await expect(page.getByTestId("undo")).toBeDisabled();
});
