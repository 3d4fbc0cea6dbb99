/**
 * No edit is ever lost: leaving the editor at once (a link, browser back) saves first, and a
 * workflow too large to save says so on the node, keeps the text visible, and still opens,
 * edits and runs, with the unsaved changes offered as retry / download / discard.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, waitSaved } from "./helpers";

const textOf = async (page: Page, id: string, nodeId: string) => (await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === nodeId)?.data.text;

test("an edit typed just before clicking ← Workflows is saved", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Leave by link", { nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "before" } }] });
  await openEditor(page, id);

  await page.getByTestId("text-input-t").fill("typed right before leaving");
  await page.getByRole("link", { name: "Back to workflows" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect.poll(() => textOf(page, id, "t")).toBe("typed right before leaving");

  await openEditor(page, id);
  await expect(page.getByTestId("text-input-t")).toHaveValue("typed right before leaving");
  await waitSaved(page);
});

test("an edit typed just before browser back is saved", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Leave by back", { nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "before" } }] });
  await page.goto("/workflows");
  await page.locator(`[data-workflow-id="${id}"]`).getByTestId("workflow-open").click();
  await expect(page.getByTestId("text-input-t")).toHaveValue("before");

  await page.getByTestId("text-input-t").fill("typed right before going back");
  await page.goBack();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect.poll(() => textOf(page, id, "t")).toBe("typed right before going back");

  await page.locator(`[data-workflow-id="${id}"]`).getByTestId("workflow-open").click();
  await expect(page.getByTestId("text-input-t")).toHaveValue("typed right before going back");
  await waitSaved(page);
});

test("text too large to save is shown with its size and the limit, and never blocks the editor", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Too big", {
    nodes: [
      { id: "big", type: "text", position: { x: 0, y: 0 }, data: { text: "" } },
      { id: "small", type: "text", position: { x: 0, y: 320 }, data: { text: "hello" } },
    ],
  });
  await openEditor(page, id);
  const big = page.getByTestId("text-input-big");

  await big.fill("x".repeat(1_100_000));
  // The box keeps the text (not its empty placeholder), and the node says how big it is against the limit.
  expect(await big.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(1_100_000);
  await expect(node(page, "big").getByTestId("size-text-input-big")).toContainText("1.1 MB of text");
  await expect(node(page, "big").getByTestId("size-text-input-big")).toContainText("the limit is 1 MB");

  // The save is refused in plain words, in full, with what to do next.
  const banner = page.getByTestId("save-problem");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("1 MB");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved");

  // Editing and running go on: another node runs with the canvas graph.
  await page.getByTestId("text-input-small").fill("hello again");
  await page.getByTestId("run-node-small").click();
  await expect(page.getByTestId("status-small")).toHaveText("success", { timeout: 30_000 });
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "COMPLETED");
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, "stuck-draft-handled.png") });

  // Opening again brings the draft back and says why it is not saved: nothing is stuck.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByTestId("editor")).toBeVisible();
  await expect(page.getByTestId("save-problem")).toBeVisible();
  expect(await page.getByTestId("text-input-big").evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(1_100_000);

  // Download keeps the unsaved graph as JSON.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-problem-download").click()]);
  const file = JSON.parse(await readFile((await download.path())!, "utf8")) as { nodes: { id: string; data: { text?: string } }[] };
  expect(file.nodes.find((n) => n.id === "big")?.data.text?.length).toBe(1_100_000);
  expect(file.nodes.find((n) => n.id === "small")?.data.text).toBe("hello again");

  // Discard goes back to the saved workflow, and saving works again.
  await page.getByTestId("save-problem-discard").click();
  await expect(page.getByTestId("save-problem")).toBeHidden();
  await expect(page.getByTestId("text-input-big")).toHaveValue("");
  await waitSaved(page);
  await page.getByTestId("text-input-small").fill("saved again");
  await waitSaved(page);
  expect(await textOf(page, id, "small")).toBe("saved again");
});

test("leaving while the changes cannot be saved asks first, and keeps them in the browser", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Leave unsaved", { nodes: [{ id: "big", type: "text", position: { x: 0, y: 0 }, data: { text: "" } }] });
  await openEditor(page, id);
  await page.getByTestId("text-input-big").fill("y".repeat(1_100_000));
  await expect(page.getByTestId("save-problem")).toBeVisible();

  await page.getByRole("link", { name: "Back to workflows" }).click();
  const dialog = page.getByTestId("leave-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("leave-dialog-reason")).toContainText("the limit is 1 MB");
  await dialog.getByTestId("leave-stay").click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/workflows/${id}$`));

  await page.getByRole("link", { name: "Back to workflows" }).click();
  await page.getByTestId("leave-without-saving").click();
  await expect(page).toHaveURL(/\/workflows$/);
  await page.locator(`[data-workflow-id="${id}"]`).getByTestId("workflow-open").click();
  await expect(page.getByTestId("save-problem")).toBeVisible();
  expect(await page.getByTestId("text-input-big").evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(1_100_000);
});
