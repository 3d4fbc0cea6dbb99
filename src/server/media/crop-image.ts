/**
 * Crops an image by a box given in percent of its (EXIF-oriented) size, with sharp.
 *
 * Pixel rounding, for an image W×H after EXIF orientation is applied:
 *   left  = round(x% · W / 100)        top    = round(y% · H / 100)
 *   width = round(w% · W / 100)        height = round(h% · H / 100)
 * then the box is clamped to the image (width ≤ W − left, height ≤ H − top), and a
 * non-zero percentage that rounds to 0 px becomes 1 px; both are said in `notices`
 * (`cropNotices`). A zero width/height percentage, or a box that starts at or past the
 * right/bottom edge, is an error (nothing to crop).
 * Example: 640×360 at 25/25/50/50 → 320×180 at offset (160, 90).
 *
 * Output format follows the input: JPEG → JPEG, PNG → PNG, WebP → WebP, GIF → PNG
 * (first frame). Metadata is stripped; the orientation is baked into the pixels.
 */
import "server-only";
import sharp from "sharp";

export interface CropPercent {
  x_percent: number;
  y_percent: number;
  width_percent: number;
  height_percent: number;
}

export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CroppedImage {
  bytes: Buffer;
  mime: "image/jpeg" | "image/png" | "image/webp";
  box: PixelBox;
  source: { width: number; height: number };
  /** How the box was adjusted to fit the image, in plain words (empty when it was not). */
  notices: string[];
}

export class CropError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CropError";
  }
}

/** Pure: the pixel box for a percent box on a W×H image (see the module header). */
export function computeCropBox(imageWidth: number, imageHeight: number, crop: CropPercent): PixelBox {
  // In the words of the node's own fields ("Width", "X"), with the value to set.
  const axis = (start: number, span: number, size: number, [spanName, startName]: readonly [string, string]) => {
    if (span <= 0) throw new CropError(`The crop is empty: set a ${spanName} above 0 %.`);
    const from = Math.round((start * size) / 100);
    if (from >= size) throw new CropError(`The crop starts outside the image (${startName} is ${start} %): set ${startName} below 100 %.`);
    const length = Math.max(1, Math.min(Math.round((span * size) / 100), size - from));
    return [from, length] as const;
  };
  const [left, width] = axis(crop.x_percent, crop.width_percent, imageWidth, ["width", "X"]);
  const [top, height] = axis(crop.y_percent, crop.height_percent, imageHeight, ["height", "Y"]);
  return { left, top, width, height };
}

/**
 * What `computeCropBox` changed from the box asked for, in plain words.
 *
 * @example
 * cropNotices(640, 360, { x_percent: 75, y_percent: 0, width_percent: 50, height_percent: 100 }, computeCropBox(640, 360, …));
 * // ["the box ran past the right edge (X 75% + width 50%): cropped 25% wide (160 px)"]
 */
export function cropNotices(imageWidth: number, imageHeight: number, crop: CropPercent, box: PixelBox): string[] {
  const notices: string[] = [];
  const axis = (start: number, span: number, size: number, length: number, names: [string, string, string, string]) => {
    const [from, extent, edge, wide] = names;
    const asked = Math.round((span * size) / 100);
    if (asked === 0) notices.push(`${extent} ${percent(span)}% is under a pixel of this ${size} px ${wide} image: cropped 1 px ${wide}`);
    else if (length < asked) {
      notices.push(`the box ran past the ${edge} edge (${from} ${percent(start)}% + ${extent} ${percent(span)}%): cropped ${percent((length / size) * 100)}% ${wide} (${length} px)`);
    }
  };
  axis(crop.x_percent, crop.width_percent, imageWidth, box.width, ["X", "width", "right", "wide"]);
  axis(crop.y_percent, crop.height_percent, imageHeight, box.height, ["Y", "height", "bottom", "high"]);
  return notices;
}

/** A percentage as people write it: at most one decimal, no trailing zeros. */
function percent(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export async function cropImage(input: Buffer, crop: CropPercent, signal?: AbortSignal): Promise<CroppedImage> {
  signal?.throwIfAborted();
  const meta = await sharp(input).metadata();
  if (!meta.width || !meta.height || !meta.format) throw new CropError("the input is not an image sharp can read");
  // EXIF orientations 5–8 are rotated by 90°: the shown size is the stored one, swapped.
  const swapped = (meta.orientation ?? 1) >= 5;
  const source = swapped ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  const box = computeCropBox(source.width, source.height, crop);

  // rotate() before extract(): the box applies to the image as shown, not as stored.
  const pipeline = sharp(input, { failOn: "error" }).rotate().extract(box);
  let mime: CroppedImage["mime"];
  switch (meta.format) {
    case "jpeg":
      pipeline.jpeg({ quality: 92, mozjpeg: false });
      mime = "image/jpeg";
      break;
    case "webp":
      pipeline.webp({ quality: 92 });
      mime = "image/webp";
      break;
    default:
      pipeline.png();
      mime = "image/png";
  }
  signal?.throwIfAborted();
  const bytes = await pipeline.toBuffer();
  signal?.throwIfAborted();
  return { bytes, mime, box, source, notices: cropNotices(source.width, source.height, crop, box) };
}
