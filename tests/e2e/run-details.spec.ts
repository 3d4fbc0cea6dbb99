/**
 * Issue 10, item 8: run details are complete. A run of the Product Marketing Kit started from
 * the canvas is "Editor" in history; its details show what each executor received — the system
 * prompt typed into "launch-post" as well as the one wired into "describe-product" — its params
 * (model, temperature), its tokens, and the video output as a player, never a raw file path.
 * A single-node run then says which node it ran, and the details panel left open follows the
 * new run instead of staying on the earlier one.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ensureSignedIn, setStubReply } from "./helpers";

const shot = async (page: Page, name: string) => {
  if (process.env.GALAXY_SHOTS) await page.screenshot({ path: join(process.env.GALAXY_SHOTS, `${name}.png`) });
};

const card = (page: Page, nodeId: string) => page.locator(`[data-testid="detail-node"][data-node-id="${nodeId}"]`);

test("run details show typed inputs, params, tokens and a playable video; the list says where a run came from and which node it ran", async ({ page }) => {
  await ensureSignedIn(page);
  await page.goto("/workflows");
  await page.getByTestId("new-from-template").click();
  await expect(page.getByTestId("editor")).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(".react-flow__node")).toHaveCount(8);

  await setStubReply({ usage: { promptTokens: 120, outputTokens: 30 } });
  try {
    await page.getByTestId("run").click();
    const first = page.getByTestId("history-row").first();
    await expect(first).toHaveAttribute("data-status", "COMPLETED", { timeout: 60_000 });
    await expect(first.getByTestId("history-row-source")).toHaveText("Editor");
    await expect(first.getByTestId("history-row-covered")).toHaveCount(0);
    const firstRunId = await first.getAttribute("data-run-id");

    await first.click();
    const detail = page.getByTestId("run-detail");
    await expect(detail).toHaveAttribute("data-run-id", firstRunId!);
    await expect(page.getByTestId("detail-source")).toHaveText("Editor");

    // Typed into the node, not wired: still what the executor received.
    const launch = card(page, "launch-post");
    await expect(launch.getByTestId("detail-inputs-system_prompt")).toContainText("You write social media launch posts.");
    await expect(launch.getByTestId("detail-inputs-system_prompt")).toHaveAttribute("data-origin", "typed");
    await expect(launch.getByTestId("detail-inputs-user_message")).toHaveAttribute("data-origin", "wired");
    await expect(launch.getByTestId("detail-params-model")).toContainText("llama3.2");
    await expect(launch.getByTestId("detail-params-temperature")).toContainText("0.7");
    await expect(launch.getByTestId("detail-usage-total")).toHaveText("150");
    await expect(launch.getByTestId("detail-node-duration")).not.toHaveText("—");
    await expect(card(page, "describe-product").getByTestId("detail-inputs-system_prompt")).toHaveAttribute("data-origin", "wired");

    // The uploaded video plays in the details; no raw /api/files/… path is shown.
    const video = card(page, "product-video").getByTestId("detail-outputs-video");
    await expect(video.locator("video")).toHaveAttribute("src", /\/api\/files\//);
    await expect(video).not.toContainText("/api/files/");
    await card(page, "product-video").scrollIntoViewIfNeeded();
    await shot(page, "run-details");

    // A second run, of one node, while the first run's details are open: the panel follows it.
    await page.getByTestId("run-node-launch-post").click();
    await expect(detail).not.toHaveAttribute("data-run-id", firstRunId!);
    await expect(page.getByTestId("detail-scope")).toHaveText("Single: Run Any LLM");
    await expect(page.getByTestId("detail-source")).toHaveText("Editor");
    await expect(card(page, "launch-post")).toHaveAttribute("data-status", "SUCCESS", { timeout: 60_000 });

    await page.getByTestId("detail-back").click();
    const second = page.getByTestId("history-row").first();
    await expect(second).not.toHaveAttribute("data-run-id", firstRunId!);
    await expect(second.getByTestId("history-row-covered")).toHaveText("Single: Run Any LLM");
    await expect(second.getByTestId("history-row-source")).toHaveText("Editor");
    await shot(page, "run-history-single");
  } finally {
    await setStubReply(null);
  }
});
