/**
 * Issue 11, items 4, 5 and 8: the command palette (Ctrl+K, a double-click, a wire dropped on
 * empty canvas), the right-click menus of a node and of the canvas (mouse and keyboard), and
 * the shortcut help — all read from the one command list.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, waitSaved } from "./helpers";

const llmData = { provider: "openai-compatible", model: "llama3.2" };

const shot = async (page: Page, name: string) => {
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, `${name}.png`) });
};

async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = (await page.getByTestId("canvas").boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

test("Ctrl+K opens the palette with its field focused; typing llm and Enter adds a Run Any LLM node", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await createWorkflowByApi(page.request, "Palette"));
  const at = await canvasPoint(page, 0.5, 0.5);
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press("Control+K");
  await expect(page.getByTestId("palette-input")).toBeFocused();
  await shot(page, "palette-open");
  await page.keyboard.type("llm");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("palette")).toBeHidden();
  await expect(page.locator('[data-node-type="llm"]')).toHaveCount(1);

  // A double-click on empty canvas opens it too; Escape closes it without adding anything.
  const empty = await canvasPoint(page, 0.15, 0.2);
  await page.mouse.dblclick(empty.x, empty.y);
  await expect(page.getByTestId("palette-input")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("palette")).toBeHidden();
  await expect(page.locator(".react-flow__node")).toHaveCount(1);
});

test("a wire dropped on empty canvas offers only the types it fits, adds the one picked connected, and one Ctrl+Z takes both back", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Wire palette", { nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "Hello" } }] });
  await openEditor(page, id);
  const handle = (await node(page, "t").getByTestId("out-text").locator(".react-flow__handle").boundingBox())!;
  const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const canvas = (await page.getByTestId("canvas").boundingBox())!;
  const drop = { x: Math.min(from.x + 260, canvas.x + canvas.width - 40), y: from.y + 80 };
  await page.mouse.move((from.x + drop.x) / 2, (from.y + drop.y) / 2, { steps: 6 });
  await page.mouse.move(drop.x, drop.y, { steps: 6 });
  await page.mouse.up();

  const palette = page.getByTestId("palette");
  await expect(palette).toHaveAttribute("data-wire", "text");
  await expect(page.getByTestId("palette-input")).toBeFocused();
  await expect(palette.getByTestId("palette-item-node:llm")).toBeVisible();
  // A Text node has no input; uploads, crop and frame take no text; no command is offered.
  for (const type of ["text", "uploadImage", "uploadVideo", "cropImage", "extractFrame"]) await expect(palette.getByTestId(`palette-item-node:${type}`)).toHaveCount(0);
  await expect(palette.locator('[data-testid^="palette-item-"]:not([data-testid^="palette-item-node:"])')).toHaveCount(0);
  await palette.getByTestId("palette-item-node:llm").click();

  const llm = page.locator('[data-node-type="llm"]');
  await expect(llm).toHaveCount(1);
  const llmId = (await llm.getAttribute("data-testid"))!.replace(/^node-/, "");
  await expect(node(page, llmId).getByTestId("port-user_message")).toHaveAttribute("data-connected", "true");
  await waitSaved(page);
  const saved = await getWorkflowByApi(page.request, id);
  expect(saved.edges.map((e) => [e.source, e.sourceHandle, e.target, e.targetHandle])).toEqual([["t", "text", llmId, "user_message"]]);

  await page.keyboard.press("Control+Z");
  await expect(llm).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await expect(node(page, "t")).toBeVisible();
  await waitSaved(page);
  const undone = await getWorkflowByApi(page.request, id);
  expect([undone.nodes.map((n) => n.id), undone.edges.length]).toEqual([["t"], 0]);
});

test("a node's right-click menu runs the node and disconnects it; undo brings the wires back", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(
    page,
    await createWorkflowByApi(page.request, "Node menu", {
      nodes: [
        { id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "Hello menu" } },
        { id: "l", type: "llm", position: { x: 420, y: 0 }, data: llmData },
      ],
      edges: [{ id: "e1", source: "t", sourceHandle: "text", target: "l", targetHandle: "user_message" }],
    }),
  );
  const menu = page.getByTestId("context-menu");
  await node(page, "l").getByTestId("node-header").click({ button: "right" });
  await expect(menu).toHaveAttribute("data-menu", "node");
  // Several nodes' commands are greyed for one node; the others show.
  await expect(menu.getByTestId("cmd-run.selection")).toHaveAttribute("aria-disabled", "true");
  await menu.getByTestId("cmd-run.node").click();
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("result-text-l")).toContainText("stub: Hello menu", { timeout: 30_000 });
  await expect(page.getByTestId("history-row").first().getByTestId("history-row-covered")).toHaveText("Single: Run Any LLM");

  const port = node(page, "l").getByTestId("port-user_message");
  await node(page, "l").getByTestId("node-header").click({ button: "right" });
  await menu.getByTestId("cmd-node.disconnect").click();
  await expect(port).toHaveAttribute("data-connected", "false");
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await page.keyboard.press("Control+Z");
  await expect(port).toHaveAttribute("data-connected", "true");
});

test("a node's ⋯ button opens the same menu as a right-click, with its keys; a second press closes it", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(
    page,
    await createWorkflowByApi(page.request, "Dots menu", {
      nodes: [
        { id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "Hello dots" } },
        { id: "l", type: "llm", position: { x: 420, y: 0 }, data: llmData },
      ],
      edges: [],
    }),
  );
  const menu = page.getByTestId("context-menu");
  await node(page, "t").getByTestId("node-header").click({ button: "right" });
  const fromRightClick = await menu.getByRole("menuitem").allTextContents();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  const dots = page.getByTestId("node-menu-t");
  await dots.click();
  await expect(menu).toHaveAttribute("data-menu", "node");
  await expect(dots).toHaveAttribute("aria-expanded", "true");
  expect(await menu.getByRole("menuitem").allTextContents()).toEqual(fromRightClick);
  await expect(menu.getByTestId("cmd-clipboard.duplicate")).toContainText("Ctrl+D");
  // A Text node has an output, so it can be wired by keyboard from here; a press on ⋯ again closes.
  await expect(menu.getByTestId("cmd-node.connect")).not.toHaveAttribute("aria-disabled", "true");
  await dots.click();
  await expect(menu).toBeHidden();
  await expect(dots).toHaveAttribute("aria-expanded", "false");

  await dots.click();
  await menu.getByTestId("cmd-clipboard.duplicate").click();
  await expect(page.locator('[data-node-type="text"]')).toHaveCount(2);
});

test("the canvas menu works from the keyboard: arrows move, Enter runs, Escape closes; Shift+F10 opens a selected node's", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await createWorkflowByApi(page.request, "Canvas menu", { nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "" } }] }));
  const menu = page.getByTestId("context-menu");
  const at = await canvasPoint(page, 0.7, 0.3);
  await page.mouse.click(at.x, at.y, { button: "right" });
  await expect(menu).toHaveAttribute("data-menu", "canvas");
  const focusedItem = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
  const first = await focusedItem();
  expect(first).toMatch(/^cmd-/);
  await page.keyboard.press("ArrowDown");
  expect(await focusedItem()).not.toBe(first);
  // Other helpers add canvas commands: walk to "Add node here…" wherever it is.
  for (let i = 0; i < 20 && (await focusedItem()) !== "cmd-canvas.addNode"; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("palette-input")).toBeFocused();
  await page.keyboard.type("text");
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-node-type="text"]')).toHaveCount(2);

  await page.mouse.click(at.x, at.y, { button: "right" });
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  await node(page, "t").getByTestId("node-header").click();
  await page.keyboard.press("Shift+F10");
  await expect(menu).toHaveAttribute("data-menu", "node");
  await expect(menu.getByTestId("cmd-run.node")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
});

test("? opens the shortcut help, grouped, with this platform's keys; the sidebar links to it", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await createWorkflowByApi(page.request, "Help"));
  const at = await canvasPoint(page, 0.5, 0.5);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press("?");
  const help = page.getByTestId("shortcut-help");
  await expect(help).toBeVisible();
  await expect(help.getByTestId("shortcut-help.palette")).toContainText("Ctrl+K");
  await expect(help.getByTestId("shortcut-edit.undo")).toContainText("Ctrl+Z");
  await expect(help.getByRole("region", { name: "Edit" })).toContainText("Undo");
  await expect(help).toContainText("Double-click the empty canvas");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.getByTestId("open-shortcuts").click();
  await expect(help).toBeVisible();
});
