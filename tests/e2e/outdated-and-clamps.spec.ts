/**
 * Issue 10, items 5 and 6: a result whose params changed is marked outdated (and the crop box
 * shows live on its input image); values are never changed silently: an out-of-range field is
 * refused as it is typed, and what the server adjusts (a box cut at the edge, a frame past the
 * end of a clip) is said on the node and in the run's details.
 */
import { expect, test, type Page } from "@playwright/test";
import { join } from "node:path";
import sharp from "sharp";
import { makeVideo, removeTempDirs, tempDataDir } from "../media/media-fixtures";
import { createWorkflowByApi, ensureSignedIn, getWorkflowByApi, node, openEditor, waitSaved } from "./helpers";

const box = (x: number, y: number, w: number, h: number) => ({ x_percent: x, y_percent: y, width_percent: w, height_percent: h });

async function cropWorkflow(page: Page, name: string, crop: ReturnType<typeof box>): Promise<string> {
  return createWorkflowByApi(page.request, name, {
    nodes: [
      { id: "photo", type: "uploadImage", position: { x: 0, y: 0 }, data: {} },
      { id: "crop", type: "cropImage", position: { x: 420, y: 0 }, data: crop },
    ],
    edges: [{ id: "e1", source: "photo", sourceHandle: "image", target: "crop", targetHandle: "image_url" }],
  });
}

test.afterAll(() => removeTempDirs());

test("a crop result is marked outdated once X changes; the box shows live on the input image", async ({ page }) => {
  await ensureSignedIn(page);
  await openEditor(page, await cropWorkflow(page, "Outdated crop", box(25, 25, 50, 50)));
  const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
  await page.getByTestId("file-input-photo").setInputFiles({ name: "blue.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("preview-photo-size")).toHaveText("400 × 200 px");

  // The box is drawn on the input image before anything runs, and follows the fields.
  const drawn = page.getByTestId("crop-box-crop");
  await expect(drawn).toHaveAttribute("style", /left: 25%; top: 25%; width: 50%; height: 50%/);

  await waitSaved(page);
  await node(page, "crop").getByTestId("run-node-crop").click();
  await expect(page.getByTestId("result-image-crop-size")).toHaveText("200 × 100 px", { timeout: 30_000 });
  await expect(page.getByTestId("outdated-crop")).toHaveCount(0);
  await expect(page.getByTestId("result-crop")).toHaveAttribute("data-outdated", "false");

  await page.getByTestId("field-x_percent-crop").fill("10");
  await expect(drawn).toHaveAttribute("style", /left: 10%/);
  const badge = page.getByTestId("outdated-crop");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("data-reason", "Parameters changed since this result");
  await expect(page.getByTestId("result-crop")).toHaveAttribute("data-outdated", "true");
  await badge.hover();
  await expect(page.getByTestId("outdated-tip-crop")).toHaveText("Parameters changed since this result — run it again to update");
  if (process.env.GALAXY_SHOTS) await node(page, "crop").screenshot({ path: join(process.env.GALAXY_SHOTS, "outdated-crop.png") });
  // Put back, the result matches its params again (the same cache key as the server's).
  await page.getByTestId("field-x_percent-crop").fill("25");
  await expect(badge).toHaveCount(0);

  // A box past the right edge: said on the node before the run, and in the result after.
  await page.getByTestId("field-x_percent-crop").fill("50");
  await page.getByTestId("field-width_percent-crop").fill("80");
  await expect(page.getByTestId("crop-hints-crop")).toHaveText("X 50% + width 80% runs past the right edge: the crop will be 50% wide.");
  await expect(drawn).toHaveAttribute("style", /left: 50%; top: 25%; width: 50%/);
  await waitSaved(page);
  await node(page, "crop").getByTestId("run-node-crop").click();
  await expect(page.getByTestId("notices-crop")).toHaveText("Adjusted: the box ran past the right edge (X 50% + width 80%): cropped 50% wide (200 px)", {
    timeout: 30_000,
  });
  await expect(badge).toHaveCount(0);
});

test("a crop field refuses 150 % as it is typed, shows the range, and saves only good values", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await cropWorkflow(page, "Refused width", box(0, 0, 40, 100));
  await openEditor(page, id);

  const width = page.getByTestId("field-width_percent-crop");
  await width.fill("150");
  await expect(page.getByTestId("field-error-width_percent-crop")).toHaveText("0–100 only: 150 is not saved");
  await expect(width).toHaveAttribute("aria-invalid", "true");
  await expect(width).toHaveValue("150");
  // Another edit saves; the refused width does not go with it.
  await page.getByTestId("field-y_percent-crop").fill("5");
  await waitSaved(page);
  expect((await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === "crop")?.data).toMatchObject(box(0, 5, 40, 100));
  await expect(width).toHaveValue("150");

  await width.fill("60");
  await expect(page.getByTestId("field-error-width_percent-crop")).toHaveCount(0);
  await waitSaved(page);
  expect((await getWorkflowByApi(page.request, id)).nodes.find((n) => n.id === "crop")?.data).toMatchObject(box(0, 5, 60, 100));
});

test("a frame at 99 s of a 5 s clip says where it was taken, on the node and in the run's details", async ({ page }) => {
  await ensureSignedIn(page);
  const clip = await makeVideo(tempDataDir(), { seconds: 5, rate: 30, size: "320x180" });
  const id = await createWorkflowByApi(page.request, "Frame past the end", {
    nodes: [
      { id: "clip", type: "uploadVideo", position: { x: 0, y: 0 }, data: {} },
      { id: "frame", type: "extractFrame", position: { x: 420, y: 0 }, data: { timestamp: 99 } },
    ],
    edges: [{ id: "e1", source: "clip", sourceHandle: "video", target: "frame", targetHandle: "video_url" }],
  });
  await openEditor(page, id);
  await page.getByTestId("file-input-clip").setInputFiles({ name: "clip.mp4", mimeType: "video/mp4", buffer: clip.bytes });
  await expect(page.getByTestId("preview-clip")).toBeVisible();
  await waitSaved(page);

  await node(page, "frame").getByTestId("run-node-frame").click();
  await expect(page.getByTestId("result-image-frame")).toBeVisible({ timeout: 30_000 });
  const said = "Adjusted: frame at 4.97 s — the clip is 5.0 s long (asked for 99 s)";
  await expect(page.getByTestId("notices-frame")).toHaveText(said);

  await page.getByTestId("history-row").first().click();
  const detail = page.locator('[data-testid="detail-node"][data-node-id="frame"]');
  await expect(detail.getByTestId("detail-notices")).toHaveText(said);
});
