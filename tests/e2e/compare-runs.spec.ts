/**
 * Run comparison (DESIGN §9): Text → LLM, run; change the LLM's prompt in the editor, run
 * again; pick both runs in history and compare. The stub answers "stub: <user message>", so
 * the answer changes word for word with the prompt: the LLM's row is changed with a word diff
 * of its output and its prompt, the Text node is folded away as unchanged, and the header
 * shows both runs (older first) with their versions and B's token delta.
 */
import { expect, test, type Page } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, node, openEditor, setStubReply, waitSaved } from "./helpers";

const graph = {
  nodes: [
    {
      id: "context",
      type: "text",
      position: { x: 0, y: 0 },
      data: { text: "You write short product copy." },
    },
    {
      id: "writer",
      type: "llm",
      position: { x: 420, y: 0 },
      data: {
        provider: "openai-compatible",
        model: "priced-model",
        user_message: "Write a tagline for cold brew",
      },
    },
  ],
  edges: [
    { id: "e1", source: "context", sourceHandle: "text", target: "writer", targetHandle: "system_prompt" },
  ],
};

async function runAndWait(page: Page, runs: number): Promise<void> {
  await page.getByTestId("run").click();
  await expect(page.getByTestId("history-row")).toHaveCount(runs, { timeout: 30_000 });
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "COMPLETED", {
    timeout: 30_000,
  });
  await expect(node(page, "writer")).toHaveAttribute("data-status", "SUCCESS");
}

test("two runs of a workflow compared node by node, with a word diff of the changed answer", async ({
  page,
}) => {
  await ensureSignedIn(page);
  // The stub's own answer (an echo of the prompt), whatever another test left set.
  await setStubReply(null);
  const id = await createWorkflowByApi(page.request, "Compare runs", graph);
  await openEditor(page, id);

  await runAndWait(page, 1);
  await expect(page.getByTestId("result-text-writer")).toContainText("stub: Write a tagline for cold brew");

  // A new prompt: two words added, one replaced; the Text node stays as it was.
  await page.getByTestId("field-user_message-writer").fill("Write a bold slogan for sparkling cold brew");
  await waitSaved(page);
  await runAndWait(page, 2);
  await expect(page.getByTestId("result-text-writer")).toContainText(
    "stub: Write a bold slogan for sparkling cold brew",
  );

  // Each run shows the version it ran; the second ran a later one.
  const rows = page.getByTestId("history-row");
  const [newer, older] = [rows.nth(0), rows.nth(1)];
  const [newerId, olderId] = [
    await newer.getAttribute("data-run-id"),
    await older.getAttribute("data-run-id"),
  ];
  const versions = page.getByTestId("history-row-version");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toHaveText(/^v\d+$/);
  await expect(versions.nth(1)).toHaveText(/^v\d+$/);
  const [newerVersion, olderVersion] = [
    Number(await versions.nth(0).getAttribute("data-version")),
    Number(await versions.nth(1).getAttribute("data-version")),
  ];
  expect(newerVersion).toBeGreaterThan(olderVersion);

  // Compare mode: a click picks a run instead of opening it; the newer one first, on purpose.
  await page.getByTestId("history-compare").click();
  await expect(page.getByTestId("history-compare-open")).toBeDisabled();
  await newer.click();
  await page.getByTestId("history-row-pick").nth(1).check();
  await expect(page.getByTestId("history-compare-count")).toHaveText("2 runs picked");
  await expect(page.getByTestId("run-detail")).toHaveCount(0);
  await page.getByTestId("history-compare-open").click();

  const view = page.getByTestId("compare-view");
  await expect(view).toBeVisible();
  // A is the older run whatever the pick order, so B's deltas say what changed since.
  await expect(view.getByTestId("compare-run-a")).toHaveAttribute("data-run-id", olderId!);
  await expect(view.getByTestId("compare-run-b")).toHaveAttribute("data-run-id", newerId!);
  const header = view.getByTestId("compare-header");
  await expect(header).toContainText(`v${olderVersion}`);
  await expect(header).toContainText(`v${newerVersion}`);
  // Stub tokens are words: prompt 5 + 6 → 5 + 8 and answer 7 → 9 words, so B used 4 more.
  await expect(view.getByTestId("compare-delta-tokens")).toHaveText("+4 tokens");
  await expect(view.getByTestId("compare-summary")).toHaveText("1 of 2 nodes changed");

  const writer = view.getByTestId("compare-node-writer");
  await expect(writer).toHaveAttribute("data-changed", "true");
  await expect(writer.getByTestId("compare-node-status-a")).toHaveAttribute("data-status", "SUCCESS");
  await expect(writer.getByTestId("compare-node-status-b")).toHaveAttribute("data-status", "SUCCESS");
  await expect(writer.getByTestId("compare-node-delta-tokens")).toHaveText("+4 tokens");

  // The answer as a word diff: the new words inserted, the replaced one struck through.
  const answer = writer.getByTestId("compare-outputs-writer-output-diff");
  await expect(answer).toBeVisible();
  await expect(answer).toHaveAttribute("data-unit", "word");
  await expect(answer.locator("del")).toHaveText([/^\s*tagline\s*$/]);
  await expect(answer.locator("ins")).toHaveText([/^\s*bold slogan\s*$/, /^\s*sparkling\s*$/]);
  await expect(answer.locator("del")).toHaveCSS("text-decoration-line", "line-through");
  // Unchanged words are plain text, not marked.
  await expect(answer).toContainText("stub: Write a");
  // The prompt, typed into the node, changed as a param: a word diff too.
  await expect(writer.getByTestId("compare-params-writer-user_message")).toHaveAttribute(
    "data-kind",
    "changed",
  );
  await expect(writer.getByTestId("compare-params-writer-user_message-diff").locator("ins")).toHaveText([
    /^\s*bold slogan\s*$/,
    /^\s*sparkling\s*$/,
  ]);
  await expect(writer.getByTestId("compare-params-writer-user_message-diff").locator("del")).toHaveText([
    /^\s*tagline\s*$/,
  ]);
  // Its connected input (the system prompt from the unchanged Text node) did not change.
  await expect(writer.getByTestId("compare-inputs-writer")).toHaveCount(0);

  // The Text node is folded under "1 node unchanged" and opens on demand.
  const context = view.getByTestId("compare-node-context");
  await expect(context).toHaveAttribute("data-changed", "false");
  await expect(context).toBeHidden();
  const toggle = view.getByTestId("compare-unchanged-toggle");
  await expect(toggle).toHaveText(/1 node unchanged/);
  await toggle.click();
  await expect(context).toBeVisible();
  await expect(context.getByTestId("compare-node-status-b")).toHaveAttribute("data-status", "SUCCESS");
  await page.screenshot({ path: "test-results/compare-runs.png" });

  // Escape closes it; the picks stay, so another comparison is one click away.
  await page.keyboard.press("Escape");
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId("history-compare-count")).toHaveText("2 runs picked");
  await page.getByTestId("history-compare-cancel").click();
  await expect(page.getByTestId("history-row-pick")).toHaveCount(0);

  // "Compare with…" from a run's detail enters compare mode with that run picked.
  await older.click();
  await expect(page.getByTestId("run-detail")).toBeVisible();
  await page.getByTestId("detail-compare").click();
  await expect(page.getByTestId("history-compare-count")).toHaveText("Pick 1 more run");
  await expect(page.getByTestId("history-row-pick").nth(1)).toBeChecked();
});
