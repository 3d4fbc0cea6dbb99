/** One truth for statuses: a failed run says "failed" everywhere; a canceled node says "canceled", never "skipped". */
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { STUB_URL, createWorkflowByApi, ensureSignedIn, node, openEditor, runAndCancel, setStubReply } from "./helpers";

/** The stub answers every model call with this HTTP error, in the provider's shape. */
async function setStubError(status: number, errorMessage: string): Promise<void> {
  const res = await fetch(`${STUB_URL}/__stub/reply`, { method: "PUT", body: JSON.stringify({ status, errorMessage }) });
  expect(res.ok).toBeTruthy();
}

const LLM = { provider: "openai-compatible", model: "llama3.2" };
/** prompt → model → after: the model fails or hangs; "after" depends on it. */
const CHAIN = {
  nodes: [
    { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "hello" } },
    { id: "model", type: "llm", position: { x: 420, y: 0 }, data: LLM },
    { id: "after", type: "llm", position: { x: 840, y: 0 }, data: LLM },
  ],
  edges: [
    { id: "e1", source: "prompt", sourceHandle: "text", target: "model", targetHandle: "user_message" },
    { id: "e2", source: "model", sourceHandle: "output", target: "after", targetHandle: "user_message" },
  ],
};

test("a run whose model failed is 'failed' in history and details, and the node after it says which input failed", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Fails", CHAIN);
  await openEditor(page, id);
  await setStubError(400, "this model takes no such request");
  try {
    await page.getByTestId("run").click();
    await expect(node(page, "model")).toHaveAttribute("data-status", "FAILED");
  } finally {
    await setStubReply(null);
  }
  // "prompt" succeeded: the badge used to call this run a "partial success".
  await expect(node(page, "prompt")).toHaveAttribute("data-status", "SUCCESS");
  const row = page.getByTestId("history-row").first();
  await expect(row).toHaveAttribute("data-status", "FAILED");
  await expect(row.getByTestId("run-badge")).toHaveText("failed");
  await expect(page.getByTestId("skipped-after")).toHaveText(
    'Skipped: "Run Any LLM" failed before it, so this node had no input. Fix that node, then run again.',
  );

  await row.click();
  const detail = page.getByTestId("run-detail");
  await expect(detail.getByTestId("run-badge")).toHaveText("failed");
  await expect(detail.locator('[data-testid="detail-node"][data-node-id="after"]').getByTestId("detail-skip")).toContainText('"Run Any LLM" failed before it');
});

test("cancel a running run: its nodes say canceled on the canvas and in run details", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Canceled", CHAIN);
  await openEditor(page, id);
  await runAndCancel(page, "model");
  await expect(page.getByTestId("status-model")).toHaveText("canceled");
  await expect(page.getByTestId("canceled-model")).toHaveText("Canceled: the run was canceled before this node finished.");
  await expect(page.getByTestId("canvas")).not.toContainText("input node failed");
  const row = page.getByTestId("history-row").first();
  await expect(row.getByTestId("run-badge")).toHaveText("canceled");
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, "canceled-run.png") });

  await row.click();
  const detail = page.getByTestId("run-detail");
  await expect(detail.getByTestId("run-badge")).toHaveText("canceled");
  for (const nodeId of ["model", "after"]) {
    const card = detail.locator(`[data-testid="detail-node"][data-node-id="${nodeId}"]`);
    await expect(card).toHaveAttribute("data-status", "SKIPPED"); // the API keeps SKIPPED, with the reason
    await expect(card.locator("button").first()).toContainText("canceled");
    await expect(card.getByTestId("detail-skip")).toHaveText("Canceled: the run was canceled before this node finished.");
  }
});
