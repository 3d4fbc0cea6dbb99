/**
 * Issue 10, "a calm canvas" and "landing": added nodes land in free space, results stay in
 * bounded areas, the minimap toggles and covers no node at first view, panels fold into rails
 * below 1280 px, the first view is readable and pan/zoom come back per workflow, answers show
 * as Markdown (raw on demand), the workflow's name shows in the editor, and signed-out visitors
 * of / are offered sign-in and sign-up.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { boxOf, overlaps, readViewport, settledViewport } from "./canvas-geometry";
import { addNode, createWorkflowByApi, ensureSignedIn, node, openEditor, setStubReply } from "./helpers";

const SMALL = { width: 1024, height: 700 };

const llmData = { provider: "openai-compatible", model: "priced-model", user_message: "Write a launch plan" };

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, name) });
}

test("two nodes added by click land apart, near the middle of the view", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await createWorkflowByApi(page.request, "Click adds"));
  const first = await addNode(page, "llm");
  const second = await addNode(page, "llm");
  const third = await addNode(page, "text");
  const boxes = await Promise.all([first, second, third].map((id) => boxOf(node(page, id))));
  expect(overlaps(boxes[0], boxes[1]), "first and second").toBe(false);
  expect(overlaps(boxes[0], boxes[2]), "first and third").toBe(false);
  expect(overlaps(boxes[1], boxes[2]), "second and third").toBe(false);
  // The first one sits over the middle of the canvas.
  const canvas = await boxOf(page.getByTestId("canvas"));
  const mid = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  expect(boxes[0].x < mid.x && mid.x < boxes[0].x + boxes[0].width && boxes[0].y < mid.y && mid.y < boxes[0].y + boxes[0].height).toBe(true);
});

test("a long answer stays in a bounded area: its node does not grow over the node below", async ({ page }) => {
  await ensureSignedIn(page);
  // Measure the node as drawn before any run, then place a neighbour just under it.
  await openEditor(page, await createWorkflowByApi(page.request, "Probe", { nodes: [{ id: "answer", type: "llm", position: { x: 0, y: 0 }, data: llmData }] }));
  const zoom = (await settledViewport(page)).zoom;
  const height = (await boxOf(node(page, "answer"))).height / zoom;

  const id = await createWorkflowByApi(page.request, "Long answer", {
    nodes: [
      { id: "answer", type: "llm", position: { x: 0, y: 0 }, data: llmData },
      { id: "below", type: "text", position: { x: 0, y: Math.ceil(height) + 24 }, data: { text: "I sit under the answer" } },
    ],
  });
  await openEditor(page, id);
  const lines = Array.from({ length: 60 }, (_, i) => `- point ${i + 1}: a long line of the answer that wraps in the node`).join("\n");
  await setStubReply({ text: `## Plan\n\n${lines}` });
  try {
    await page.getByTestId("run").click();
    await expect(node(page, "answer")).toHaveAttribute("data-status", "SUCCESS", { timeout: 30_000 });
  } finally {
    await setStubReply(null);
  }
  await expect(page.getByTestId("result-text-answer")).toContainText("point 60");
  expect(overlaps(await boxOf(node(page, "answer")), await boxOf(node(page, "below")))).toBe(false);

  // Expanding is the person's choice: the area grows, and folds back.
  const area = page.getByTestId("result-area-answer");
  const folded = (await boxOf(area)).height;
  await page.getByTestId("result-expand-answer").click();
  expect((await boxOf(area)).height).toBeGreaterThan(folded);
  await page.getByTestId("result-expand-answer").click();
  expect((await boxOf(area)).height).toBe(folded);
});

test("at 1024×700 the panels fold into rails, the canvas is most of the width, and the panels open over it", async ({ page }) => {
  await ensureSignedIn(page);
  await page.setViewportSize(SMALL);
  await openEditor(page, await createWorkflowByApi(page.request, "Narrow"));
  const canvas = await boxOf(page.getByTestId("canvas"));
  expect(canvas.width).toBeGreaterThanOrEqual(0.75 * SMALL.width);

  await page.getByTestId("left-open").click();
  await expect(page.getByRole("complementary", { name: "Nodes" })).toBeVisible();
  // Over the canvas, not beside it.
  expect((await boxOf(page.getByTestId("canvas"))).width).toBe(canvas.width);
  await page.getByTestId("left-collapse").click();
  await expect(page.getByRole("complementary", { name: "Nodes" })).toBeHidden();

  await page.getByTestId("history-open").click();
  await expect(page.getByTestId("history")).toBeVisible();
  expect((await boxOf(page.getByTestId("canvas"))).width).toBe(canvas.width);
});

test("the template opens readable at 1024×700, and its first view leaves the minimap off the nodes", async ({ page }) => {
  await ensureSignedIn(page);
  await page.setViewportSize(SMALL);
  await page.goto("/workflows");
  await page.getByTestId("new-from-template").click();
  await expect(page.getByTestId("editor")).toBeVisible({ timeout: 60_000 });
  // Only the nodes in view are drawn: wait for the opening view, then for the graph's first node.
  await expect(page.getByTestId("canvas")).toHaveAttribute("data-view", "ready");
  await expect(node(page, "product-image")).toBeVisible();
  expect((await settledViewport(page)).zoom).toBeGreaterThanOrEqual(0.75);
  // The start of the graph (its left-most node) is in view.
  const canvas = await boxOf(page.getByTestId("canvas"));
  const first = await boxOf(node(page, "product-image"));
  expect(first.x).toBeGreaterThanOrEqual(canvas.x);
  expect(first.x + first.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  // Hidden when it would cover a node of this view (it does here: the graph is wider than the canvas).
  const minimap = page.locator(".react-flow__minimap");
  if (await minimap.isVisible()) {
    const map = await boxOf(minimap);
    for (const el of await page.locator(".react-flow__node").all()) expect(overlaps(await boxOf(el), map)).toBe(false);
  }

  // Mid-run, for the screenshot.
  await setStubReply({ text: "## Launch\n\nA **bright** kit for the launch, in three parts.", chunkDelayMs: 150 });
  try {
    await page.getByTestId("run").click();
    await expect(node(page, "describe-product")).toHaveAttribute("data-status", "RUNNING", { timeout: 30_000 });
    await expect(page.getByTestId("stream-text-describe-product")).toBeVisible();
    await shot(page, "template-midrun-1024.png");
    // The last node may be out of view (not drawn): the run's end shows as Run coming back.
    await expect(page.getByTestId("run")).toBeVisible({ timeout: 60_000 });
  } finally {
    await setStubReply(null);
  }
});

test("pan and zoom are kept per workflow and come back after a reload", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Kept view", {
    nodes: [
      { id: "a", type: "text", position: { x: 0, y: 0 }, data: { text: "a" } },
      { id: "b", type: "text", position: { x: 400, y: 200 }, data: { text: "b" } },
    ],
  });
  await openEditor(page, id);
  const before = await settledViewport(page);
  const canvas = await boxOf(page.getByTestId("canvas"));
  // Pan by dragging empty canvas, then zoom out with the wheel.
  await page.mouse.move(canvas.x + canvas.width - 60, canvas.y + 60);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width - 160, canvas.y + 130, { steps: 6 });
  await page.mouse.up();
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await readViewport(page)).zoom).toBeLessThan(before.zoom);
  await page.waitForTimeout(400);
  const moved = await readViewport(page);

  await page.reload();
  const back = await settledViewport(page);
  expect(back.zoom).toBeCloseTo(moved.zoom, 3);
  expect(back.x).toBeCloseTo(moved.x, 0);
  expect(back.y).toBeCloseTo(moved.y, 0);

  // Another workflow keeps its own view.
  const other = await createWorkflowByApi(page.request, "Other view", { nodes: [{ id: "a", type: "text", position: { x: 0, y: 0 }, data: { text: "a" } }] });
  await openEditor(page, other);
  expect((await settledViewport(page)).zoom).not.toBeCloseTo(moved.zoom, 3);
});

test("the minimap toggles from its button and with M, but not while typing", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await createWorkflowByApi(page.request, "Minimap", { nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "" } }] }));
  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();
  expect(overlaps(await boxOf(minimap), await boxOf(node(page, "t")))).toBe(false);
  await page.getByTestId("toggle-minimap").click();
  await expect(minimap).toBeHidden();
  await page.getByTestId("canvas").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("m");
  await expect(minimap).toBeVisible();
  await page.getByTestId("text-input-t").click();
  await page.keyboard.press("m");
  await expect(page.getByTestId("text-input-t")).toHaveValue("m");
  await expect(minimap).toBeVisible();
});

// The stub sends an answer word by word and joins words with single spaces (no line breaks), so
// block Markdown (headings, lists) cannot come through it: inline marks are checked here, blocks
// in src/components/markdown/markdown-view.test.tsx.
test("an answer shows as Markdown, with its source under Raw, live and final", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await createWorkflowByApi(page.request, "Markdown", { nodes: [{ id: "md", type: "llm", position: { x: 0, y: 0 }, data: llmData }] }));
  const answer = "Launch plan: start with **bold** moves and `code` " + Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ");
  await setStubReply({ text: answer, chunkDelayMs: 150 });
  try {
    await page.getByTestId("run").click();
    const live = page.getByTestId("stream-text-md");
    await expect(live.locator("strong")).toHaveText("bold");
    await expect(live).not.toContainText("**");
    await expect(node(page, "md")).toHaveAttribute("data-status", "SUCCESS", { timeout: 30_000 });
  } finally {
    await setStubReply(null);
  }
  const result = page.getByTestId("result-text-md");
  await expect(result.locator("strong")).toHaveText("bold");
  await expect(result.locator("code")).toHaveText("code");
  await expect(result).not.toContainText("**");
  await page.getByTestId("result-text-md-raw").click();
  await expect(result).toContainText("**bold** moves and `code`");
  await expect(node(page, "md").getByRole("button", { name: "Copy output" })).toBeVisible();
});

test("the workflow's name shows in the editor at 1024 px and names the tab", async ({ page }) => {
  await ensureSignedIn(page);
  await page.setViewportSize(SMALL);
  await openEditor(page, await createWorkflowByApi(page.request, "Product Marketing Kit Generator"));
  const name = page.getByTestId("workflow-name");
  await expect(name).toHaveValue("Product Marketing Kit Generator");
  // The whole name fits in the field as drawn.
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth > 0)).toBe(true);
  await expect(page).toHaveTitle(/Product Marketing Kit Generator/);
  await name.fill("Spring kit");
  await expect(page).toHaveTitle(/Spring kit/);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the landing page offers sign-in and sign-up, not a health check", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", /\/sign-in/);
    await expect(page.getByRole("link", { name: /sign up|create an account/i })).toHaveAttribute("href", /\/sign-up/);
    await expect(page.getByText(/health/i)).toHaveCount(0);
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
