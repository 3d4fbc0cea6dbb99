/**
 * Big graphs (issue 10): a 500-node workflow (a Text node feeding 499 LLM nodes) opens, draws only
 * the nodes in view — as outlines while zoomed far out — with its wires to nodes off screen drawn
 * as one bundle, and takes a new node, which is a full, editable node once zoomed in. (Its speed
 * is measured by bench/editor-load.bench.ts, not here.)
 */
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, node, openEditor, type WireGraph } from "./helpers";

function fanOut(llms: number): WireGraph {
  const graph: WireGraph = {
    nodes: [{ id: "t", type: "text", position: { x: 0, y: 6000 }, data: { text: "Write a tagline." } }],
    edges: [],
  };
  for (let i = 1; i <= llms; i++) {
    graph.nodes.push({
      id: `llm-${i}`,
      type: "llm",
      position: { x: 420 + ((i - 1) % 20) * 360, y: Math.floor((i - 1) / 20) * 620 },
      data: { provider: "openai-compatible", model: "stub" },
    });
    graph.edges.push({
      id: `e-${i}`,
      source: "t",
      sourceHandle: "text",
      target: `llm-${i}`,
      targetHandle: "user_message",
    });
  }
  return graph;
}

test("a 500-node workflow opens drawing only what is in view, and a node can be added and edited", async ({
  page,
}) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Five hundred nodes", fanOut(499));
  await openEditor(page, id);

  // It opens readable, on the start of the graph: full nodes, and only those in view are in the page.
  await expect(page.getByTestId("canvas")).toHaveAttribute("data-view", "ready");
  await expect(node(page, "t")).toBeVisible();
  expect(await page.locator(".react-flow__node").count()).toBeLessThan(500);
  await expect(page.getByTestId("node-outline-t")).toHaveCount(0);
  // Most of the 499 wires run to nodes off screen: they are drawn as ONE bundle from the source's
  // port (fan-bundles.ts), one curve each, not as 499 edges; every wire is drawn one way or the other.
  const bundle = page.getByTestId("fan-bundle");
  await expect(bundle).toHaveCount(1);
  const wires = Number(await bundle.getAttribute("data-wires"));
  const edges = await page.locator(".react-flow__edge").count();
  expect(wires).toBeGreaterThan(400);
  expect(edges).toBeGreaterThan(1); // the wires to nodes in view are edges of their own
  expect(edges).toBeLessThan(60);
  expect(wires + edges - 1).toBe(499);
  expect((await bundle.getAttribute("d"))?.match(/M/g)).toHaveLength(wires);
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, "big-fan-out-opened.png") });

  // Fitted to the whole graph the view is far out: nodes show as outlines, and not all 500 are in the page.
  await page.getByRole("button", { name: "Fit View" }).click();
  await expect(page.getByTestId("node-outline-t")).toBeVisible();
  // So far out nodes are outlines and no wire can be aimed at: all 499 wires are the one bundle.
  await expect(bundle).toHaveAttribute("data-wires", "499");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  const drawn = await page.locator(".react-flow__node").count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(500);
  await expect(page.locator('[data-testid^="node-outline-llm-"]').first()).toBeVisible();

  await page.getByTestId("add-text").click();
  const added = page.locator('.react-flow__node[data-id^="text-"]');
  await expect(added).toHaveCount(1);

  // Zoomed in around the view's centre, where the new node landed: full nodes with their fields.
  for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Zoom In" }).click();
  const field = added.getByRole("textbox", { name: "Text" });
  await expect(field).toBeVisible();
  await field.fill("hello from a big graph");
  await expect(field).toHaveValue("hello from a big graph");
  await expect(page.getByTestId("node-outline-t")).toHaveCount(0);
});
