/** Cancel a slow run; a stale tab gets the conflict choice and no edit is lost; drafts survive a reload. */
import { expect, test } from "@playwright/test";
import { createWorkflowByApi, getWorkflowByApi, openEditor, runAndCancel, ensureSignedIn, waitSaved } from "./helpers";

const GRAPH = {
  nodes: [
    { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "original" } },
    { id: "model", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2" } },
  ],
  edges: [{ id: "e1", source: "prompt", sourceHandle: "text", target: "model", targetHandle: "user_message" }],
};

test("cancel a slow run", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Slow", GRAPH);
  await openEditor(page, id);
  await runAndCancel(page, "model");
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "CANCELED");
});

test("a stale tab that saves gets the conflict choice, and both versions are kept", async ({ page, context }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Shared", GRAPH);
  await openEditor(page, id);

  const other = await context.newPage();
  await openEditor(other, id);
  await other.getByTestId("text-input-prompt").fill("theirs");
  await waitSaved(other);
  await other.close();

  await page.getByTestId("text-input-prompt").fill("mine");
  await expect(page.getByTestId("conflict-dialog")).toBeVisible();
  await page.getByTestId("conflict-save-copy").click();
  await expect(page).not.toHaveURL(new RegExp(`/workflows/${id}$`));
  await expect(page.getByTestId("text-input-prompt")).toHaveValue("mine");
  const copyId = page.url().split("/").pop()!;
  expect((await getWorkflowByApi(page.request, copyId)).nodes.find((n) => n.id === "prompt")?.data.text).toBe("mine");
  expect((await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === "prompt")?.data.text).toBe("theirs");

  // "Keep mine" overwrites on top of the server's current version.
  await openEditor(page, id);
  const second = await context.newPage();
  await openEditor(second, id);
  await second.getByTestId("text-input-prompt").fill("theirs again");
  await waitSaved(second);
  await second.close();
  await page.getByTestId("text-input-prompt").fill("mine wins");
  await page.getByTestId("conflict-keep-mine").click();
  await waitSaved(page);
  expect((await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === "prompt")?.data.text).toBe("mine wins");
});

test("an edit not yet saved survives a reload through the local draft", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Draft", GRAPH);
  await openEditor(page, id);
  page.on("dialog", (d) => void d.accept());
  await page.getByTestId("text-input-prompt").fill("typed just before a crash");
  await page.waitForTimeout(400); // the draft is written within 250 ms; autosave waits longer
  await page.reload();
  await expect(page.getByTestId("text-input-prompt")).toHaveValue("typed just before a crash");
  await waitSaved(page);
  expect((await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === "prompt")?.data.text).toBe("typed just before a crash");
});
