import "server-only";
import sharp from "sharp";

export interface ImageInfo {
  /** Size as shown (EXIF orientation applied). */
  width: number;
  height: number;
  format: string;
}

/** Size and format of an image file or buffer; `undefined` when sharp cannot decode it. */
export async function readImageInfo(input: string | Buffer): Promise<ImageInfo | undefined> {
  try {
    const meta = await sharp(input).metadata();
    if (!meta.width || !meta.height || !meta.format) return undefined;
    const swapped = (meta.orientation ?? 1) >= 5;
    return swapped
      ? { width: meta.height, height: meta.width, format: meta.format }
      : { width: meta.width, height: meta.height, format: meta.format };
  } catch {
    return undefined;
  }
}
