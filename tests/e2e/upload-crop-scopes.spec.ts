/** Upload an image, crop it 25/25/50/50 (the preview has the right size); run selected and single show their scope. */
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { createWorkflowByApi, dragConnect, node, openEditor, ensureSignedIn, waitSaved } from "./helpers";

test("upload, crop at 25/25/50/50, and run a selection and a single node", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Crop", {
    nodes: [
      { id: "photo", type: "uploadImage", position: { x: 0, y: 0 }, data: {} },
      { id: "crop", type: "cropImage", position: { x: 420, y: 0 }, data: { x_percent: 0, y_percent: 0, width_percent: 100, height_percent: 100 } },
    ],
    edges: [],
  });
  await openEditor(page, id);

  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 200, g: 60, b: 90 } } }).png().toBuffer();
  await page.getByTestId("file-input-photo").setInputFiles({ name: "red.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("preview-photo-size")).toHaveText("400 × 200 px");

  await dragConnect(page, ["photo", "image"], ["crop", "image_url"]);
  for (const [field, value] of [["x_percent", "25"], ["y_percent", "25"], ["width_percent", "50"], ["height_percent", "50"]]) {
    await page.getByTestId(`field-${field}-crop`).fill(value);
  }
  await waitSaved(page);

  // Single: ▶ on the crop node (its upload input comes along as needed).
  await node(page, "crop").getByTestId("run-node-crop").click();
  await expect(page.getByTestId("result-image-crop-size")).toHaveText("200 × 100 px", { timeout: 30_000 });
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-scope", "single");
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "COMPLETED");

  // Selection: both nodes selected (Ctrl+click), then "Run selected".
  await node(page, "photo").getByTestId("node-header").click();
  await node(page, "crop").getByTestId("node-header").click({ modifiers: ["Control"] });
  await page.getByTestId("run-selected").click();
  await expect(page.getByTestId("history-row")).toHaveCount(2, { timeout: 30_000 });
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-scope", "selection");
  await expect(page.getByTestId("history-row").first()).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
  await page.getByTestId("history-row").first().click();
  // Which nodes a selection ran, by name (issue 10).
  await expect(page.getByTestId("detail-scope")).toHaveText(/^Selection: 2 nodes — (Upload Image, Crop Image|Crop Image, Upload Image)$/);
});
