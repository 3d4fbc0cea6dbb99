/**
 * The main path of issue 6: sign up → new workflow → Text + Run Any LLM from the sidebar →
 * connect → run → output inline → reload → still there → history with node-level detail.
 */
import { expect, test } from "@playwright/test";
import { addNode, dragConnect, moveNode, node, setStubReply, uniqueEmail, waitSaved } from "./helpers";

// This test signs up through the page, so it starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test("build, run, reload and inspect a Text → LLM workflow", async ({ page }) => {
  await setStubReply({ text: "A bright, fizzy launch line.", delayMs: 6000 });

  await page.goto("/sign-up", { waitUntil: "networkidle" });
  await page.fill('input[name="email"]', uniqueEmail());
  await page.fill('input[name="password"]', "correct horse battery");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/workflows$/, { timeout: 90_000 });
  await page.screenshot({ path: "test-results/dashboard-new-user.png" });

  await page.getByTestId("new-workflow").click();
  await expect(page.getByTestId("editor")).toBeVisible({ timeout: 60_000 });
  const text = await addNode(page, "text");
  const llm = await addNode(page, "llm");
  await expect(node(page, llm).getByTestId(`field-provider-${llm}`)).toHaveValue("openai-compatible");
  await page.getByTestId(`text-input-${text}`).fill("Write a tagline for a sparkling cold brew.");
  // Side by side, so the wire is easy to drag.
  await moveNode(page, llm, 380, 0);
  await dragConnect(page, [text, "text"], [llm, "user_message"]);
  await expect(node(page, llm).getByTestId("port-user_message")).toHaveAttribute("data-connected", "true");
  // A connected parameter is greyed out and not editable.
  await expect(page.getByTestId(`field-user_message-${llm}`)).toBeDisabled();
  await waitSaved(page);

  await page.getByTestId("run").click();
  await expect(node(page, llm)).toHaveAttribute("data-status", "RUNNING");
  await page.screenshot({ path: "test-results/editor-mid-run.png" });
  await expect(page.getByTestId(`result-text-${llm}`)).toContainText("A bright, fizzy launch line.", { timeout: 30_000 });
  await expect(node(page, llm)).toHaveAttribute("data-status", "SUCCESS");

  await page.reload();
  await expect(page.getByTestId(`text-input-${text}`)).toHaveValue("Write a tagline for a sparkling cold brew.");
  await expect(page.getByTestId(`result-text-${llm}`)).toContainText("A bright, fizzy launch line.");
  await expect(node(page, llm).getByTestId("port-user_message")).toHaveAttribute("data-connected", "true");

  const row = page.getByTestId("history-row").first();
  await expect(row).toHaveAttribute("data-status", "COMPLETED");
  await expect(row).toHaveAttribute("data-scope", "full");
  await row.click();
  const detail = page.getByTestId("run-detail");
  await expect(detail.locator(`[data-testid="detail-node"][data-node-id="${llm}"]`)).toHaveAttribute("data-status", "SUCCESS");
  await expect(detail.locator(`[data-node-id="${llm}"] [data-testid="detail-inputs-user_message"]`)).toContainText("sparkling cold brew");
  await expect(detail.locator(`[data-node-id="${llm}"] [data-testid="detail-outputs-output"]`)).toContainText("A bright, fizzy launch line.");
  await page.screenshot({ path: "test-results/history-detail.png" });
  await setStubReply(null);
});
