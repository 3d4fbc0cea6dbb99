/**
 * Opening the editor (issue 10, big graphs: the fixed cost of opening any workflow). The page's
 * render streams the workflow along, so a page load does not fetch it again; once this tab has
 * written, coming back fetches it (the render may predate the write). An edge with both ends in
 * view keeps its wide hit path (`canvas-edge.tsx` drops it only for edges running off screen).
 */
import { expect, test, type Page } from "@playwright/test";
import { addNode, createWorkflowByApi, ensureSignedIn, openEditor, waitSaved, type WireGraph } from "./helpers";

const twoNodes: WireGraph = {
  nodes: [
    { id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "Write a tagline." } },
    { id: "l", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "stub" } },
  ],
  edges: [{ id: "e", source: "t", sourceHandle: "text", target: "l", targetHandle: "user_message" }],
};

/** Counts the page's GETs of the workflow itself. */
function countWorkflowFetches(page: Page, id: string): () => number {
  let count = 0;
  page.on("request", (r) => {
    if (r.method() === "GET" && new URL(r.url()).pathname === `/api/workflows/${id}`) count++;
  });
  return () => count;
}

test("the editor opens on the workflow its page brought, and fetches it once this tab has saved", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Opened without a fetch", twoNodes);
  const fetches = countWorkflowFetches(page, id);
  await openEditor(page, id);
  await expect(page.getByTestId("canvas")).toHaveAttribute("data-view", "ready");
  await expect(page.getByTestId("node-t")).toBeVisible();
  expect(fetches()).toBe(0);

  // Drawn whole, the edge keeps the wide path that makes it easy to click.
  await expect(page.locator('.react-flow__edge[data-id="e"] .react-flow__edge-interaction')).toHaveCount(1);

  const added = await addNode(page, "text");
  await waitSaved(page);
  await page.getByRole("link", { name: "Back to workflows" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await page.goBack();
  await expect(page.getByTestId("canvas")).toHaveAttribute("data-view", "ready");
  await expect(page.getByTestId(`node-${added}`)).toBeVisible();
  expect(fetches()).toBeGreaterThan(0);
});
