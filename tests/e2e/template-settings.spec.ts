/** The Product Marketing Kit template runs end to end; settings shows tokens and integrations. */
import { expect, test } from "@playwright/test";
import { ensureSignedIn, node, setStubReply } from "./helpers";

test("new from template: the Product Marketing Kit runs end to end", async ({ page }) => {
  await ensureSignedIn(page);
  await page.goto("/workflows");
  await page.getByTestId("new-from-template").click();
  await expect(page.getByTestId("editor")).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(".react-flow__node")).toHaveCount(8);
  await expect(page.getByTestId("preview-product-image-size")).toHaveText("640 × 480 px");

  await setStubReply({ delayMs: 2500 });
  try {
    await page.getByTestId("run").click();
    await expect(node(page, "describe-product")).toHaveAttribute("data-status", "RUNNING", { timeout: 20_000 });
    await page.screenshot({ path: "test-results/template-mid-run.png" });
    await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "COMPLETED", { timeout: 60_000 });
  } finally {
    await setStubReply(null);
  }
  await expect(page.getByTestId("result-image-frame")).toBeVisible();
  await expect(page.getByTestId("result-text-launch-post")).toContainText("stub:");
  // Results just made match the graph: none is marked outdated (the client's cache keys equal the server's).
  await expect(page.locator('[data-testid^="outdated-"]')).toHaveCount(0);

  await page.goto("/workflows");
  await expect(page.getByTestId("workflow-card").first()).toBeVisible();
  await page.screenshot({ path: "test-results/dashboard.png" });
});

test("settings: create a token (shown once), revoke it, and see integration statuses", async ({ page }) => {
  await ensureSignedIn(page);
  await page.goto("/settings");
  await expect(page.getByTestId("provider-openai-compatible")).toHaveText(/configured/);
  await expect(page.getByTestId("provider-google")).toHaveText(/not configured/);
  await page.getByTestId("token-name").fill("ci");
  await page.getByTestId("token-create").click();
  await expect(page.getByTestId("token-value")).not.toBeEmpty();
  await expect(page.getByTestId("token-list")).toContainText("ci");
  await page.screenshot({ path: "test-results/settings.png" });
  await page.getByRole("button", { name: "Revoke ci" }).click();
  await expect(page.getByTestId("token-list")).not.toContainText("ci…");
});
