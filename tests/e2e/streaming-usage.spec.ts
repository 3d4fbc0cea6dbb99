/**
 * Issue 12 in the editor: an LLM answer grows in its node while the node runs (Markdown, with a
 * caret), usage and cost show on the node, in history and in run details, and a budget set from
 * the toolbar stops a run with its message. The stub streams one word per chunk with a delay
 * and reports fixed token counts; "priced-model" has a price in tests/e2e/prices.json.
 */
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, setStubReply } from "./helpers";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(" ");

function chain(models: string[], llm: Record<string, unknown> = {}) {
  const nodes = [
    { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "Write a launch plan" } },
    ...models.map((id, i) => ({ id, type: "llm", position: { x: 420 * (i + 1), y: 0 }, data: { provider: "openai-compatible", model: "priced-model", ...llm } })),
  ];
  const edges = models.map((id, i) => ({
    id: `e${i}`,
    source: i === 0 ? "prompt" : models[i - 1],
    sourceHandle: i === 0 ? "text" : "output",
    target: id,
    targetHandle: "user_message",
  }));
  return { nodes, edges };
}

/** The streaming text's length and the node's status, read in one go. */
function sample(page: Page, nodeId: string) {
  return page.evaluate((id) => {
    const shell = document.querySelector(`[data-testid="node-${id}"]`);
    const text = document.querySelector(`[data-testid="stream-text-${id}"]`);
    return { status: shell?.getAttribute("data-status") ?? null, length: text?.textContent?.length ?? 0 };
  }, nodeId);
}

test("an answer grows in the node as Markdown, then shows its tokens and cost on the node and in history", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Streaming", chain(["model"]));
  await openEditor(page, id);
  // 42 one-word chunks, 200 ms apart: about eight seconds of visible growth, so the checks
  // below see the node still streaming even on a loaded machine.
  await setStubReply({ text: `## Launch plan **bold** start ${words(38)}`, chunkDelayMs: 200, usage: { promptTokens: 1200, outputTokens: 34 } });
  try {
    await page.getByTestId("run").click();
    await expect(node(page, "model")).toHaveAttribute("data-status", "RUNNING");
    const stream = page.getByTestId("stream-text-model");
    await expect(stream).toBeVisible();

    // Sampled while the node is still RUNNING, the text gets longer.
    const lengths: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { status, length } = await sample(page, "model");
      if (status !== "RUNNING") break;
      lengths.push(length);
      await page.waitForTimeout(400);
    }
    expect(lengths.length, `samples taken while RUNNING: ${lengths.join(", ")}`).toBeGreaterThanOrEqual(3);
    expect(lengths.at(-1)!, `lengths: ${lengths.join(", ")}`).toBeGreaterThan(lengths[0]);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]).toBeGreaterThanOrEqual(lengths[i - 1]);

    // Markdown while streaming: a heading and bold as elements, with the caret at the end — read
    // at one instant, so the stream ending between two checks cannot make them time out.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.querySelector('[data-testid="stream-text-model"]');
          return {
            running: document.querySelector('[data-testid="node-model"]')?.getAttribute("data-status") === "RUNNING",
            heading: el?.querySelector("h2")?.textContent?.includes("Launch plan") ?? false,
            bold: el?.querySelector("strong")?.textContent ?? null,
            caret: Boolean(el?.querySelector('[data-testid="stream-caret"]')),
            rawMarks: /##|\*\*/.test(el?.textContent ?? ""),
          };
        }),
      )
      .toEqual({ running: true, heading: true, bold: "bold", caret: true, rawMarks: false });
    await page.screenshot({ path: "test-results/streaming-mid-answer.png" });

    // The final output replaces the growing text, still as Markdown; "Raw" shows the source.
    await expect(node(page, "model")).toHaveAttribute("data-status", "SUCCESS", { timeout: 30_000 });
    const result = page.getByTestId("result-text-model");
    await expect(result.locator("strong")).toHaveText("bold");
    await expect(result).toContainText("word38");
    await expect(stream).toHaveCount(0);
    await page.getByTestId("result-text-model-raw").click();
    await expect(result).toContainText("## Launch plan **bold** start");

    // 1,200 in + 34 out at $1 / $2 per million: $0.001268.
    await expect(page.getByTestId("usage-model")).toHaveText("1,234 tokens · $0.0013");
    const row = page.getByTestId("history-row").first();
    await expect(row).toHaveAttribute("data-status", "COMPLETED");
    await expect(row.getByTestId("history-row-usage")).toHaveText("1,234 tokens · $0.0013");
    await row.click();
    await expect(page.getByTestId("detail-run-tokens")).toHaveText("1,234");
    await expect(page.getByTestId("detail-run-cost")).toHaveText("$0.0013");
    const detail = page.locator('[data-testid="detail-node"][data-node-id="model"]');
    await expect(detail.getByTestId("detail-usage-in")).toHaveText("1,200");
    await expect(detail.getByTestId("detail-usage-out")).toHaveText("34");
    await expect(detail.getByTestId("detail-usage-cost")).toHaveText("$0.0013");
    await expect(detail.getByTestId("detail-outputs-output").locator("h2")).toContainText("Launch plan");
    await page.screenshot({ path: "test-results/streaming-usage-history.png" });
  } finally {
    await setStubReply(null);
  }

  // The dashboard card sums the last 30 days.
  await page.goto("/workflows");
  const card = page.locator(`[data-testid="workflow-card"][data-workflow-id="${id}"]`);
  await expect(card.getByTestId("workflow-usage-30d")).toHaveText("1,234 tokens · $0.0013");
});

test("a budget set from the toolbar is checked in the form, saved, and stops a run with its message", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Budgeted", chain(["first", "second"], { maxTokens: 10 }));
  await openEditor(page, id);

  await page.getByTestId("budget-open").click();
  const dialog = page.getByTestId("budget-dialog");
  await dialog.getByTestId("budget-maxTokens").fill("1.5");
  await dialog.getByTestId("budget-maxCostUsd").fill("-2");
  await dialog.getByTestId("budget-save").click();
  await expect(dialog.getByRole("alert")).toHaveCount(2);
  await dialog.getByTestId("budget-maxTokens").fill("100");
  await dialog.getByTestId("budget-maxCostUsd").fill("");
  await dialog.getByTestId("budget-save").click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("budget-open")).toHaveAttribute("title", "Run budget: 100 tokens per run");
  expect((await getWorkflowByApi(page.request, id)) as unknown).toMatchObject({ settings: { budget: { maxTokens: 100 } } });

  // The first call may use 14 tokens by its estimate (4 words in, maxTokens 10 out) and reports
  // 1,000: the run is over its cap, so the second call must not start.
  await setStubReply({ text: "short answer", usage: { promptTokens: 500, outputTokens: 500 } });
  try {
    await page.getByTestId("run").click();
    const row = page.getByTestId("history-row").first();
    await expect(row).toHaveAttribute("data-status", "FAILED", { timeout: 30_000 });
    await expect(node(page, "first")).toHaveAttribute("data-status", "SUCCESS");
    await expect(page.getByTestId("usage-first")).toHaveText("1,000 tokens · $0.0015");
    await expect(node(page, "second")).toHaveAttribute("data-status", "SKIPPED");
    await expect(page.getByTestId("skipped-second")).toContainText("budget of 100");

    await row.click();
    const error = page.getByTestId("detail-run-error");
    await expect(error).toHaveAttribute("data-code", "BUDGET_EXCEEDED");
    await expect(error).toContainText("1,000 of 100 tokens");
    await expect(page.locator('[data-testid="detail-node"][data-node-id="second"]')).toContainText("budget of 100");
    await expect(page.getByTestId("detail-run-budget")).toHaveText("100 tokens per run");
    await page.screenshot({ path: "test-results/budget-stopped.png" });

    // A cap below the first call's own estimate: that call is not started, and says why.
    await page.getByTestId("detail-back").click();
    await page.getByTestId("budget-open").click();
    await dialog.getByTestId("budget-maxTokens").fill("5");
    await dialog.getByTestId("budget-save").click();
    await expect(dialog).toHaveCount(0);
    await page.getByTestId("run").click();
    await expect(page.getByTestId("stopped-first")).toContainText("budget", { timeout: 30_000 });
    await expect(page.getByTestId("history-row")).toHaveCount(2);
    await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "FAILED");
    await page.getByTestId("history-row").first().click();
    await expect(page.getByTestId("detail-run-error")).toContainText("5 tokens");
    await expect(page.getByTestId("detail-run-error")).toHaveAttribute("data-code", "BUDGET_EXCEEDED");
  } finally {
    await setStubReply(null);
  }
});
