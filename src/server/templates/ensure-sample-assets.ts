/** The user's sample image and video for templates: created on first use, reused afterwards. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { createAssetFromBytes } from "../assets/create-asset-from-bytes";
import { getDb } from "../db";
import { assets, type Asset } from "../db/schema";
import { makeSampleImage, makeSampleVideo } from "./sample-media";

export const SAMPLE_IMAGE_NAME = "galaxy-sample-product.png";
export const SAMPLE_VIDEO_NAME = "galaxy-sample-clip.mp4";

async function findSample(userId: string, originalName: string): Promise<Asset | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.userId, userId), eq(assets.originalName, originalName), eq(assets.source, "generated")))
    .limit(1);
  return row;
}

export async function ensureSampleAssets(userId: string): Promise<{ image: Asset; video: Asset }> {
  const [image, video] = await Promise.all([
    findSample(userId, SAMPLE_IMAGE_NAME).then(
      (found) => found ?? makeSampleImage().then((b) => createAssetFromBytes(userId, b, { kind: "image", mime: "image/png", source: "generated", originalName: SAMPLE_IMAGE_NAME })),
    ),
    findSample(userId, SAMPLE_VIDEO_NAME).then(
      (found) => found ?? makeSampleVideo().then((b) => createAssetFromBytes(userId, b, { kind: "video", mime: "video/mp4", source: "generated", originalName: SAMPLE_VIDEO_NAME })),
    ),
  ]);
  return { image, video };
}
