/**
 * What a file is, from its first bytes (magic numbers), never from its name or the
 * client's Content-Type. Only the types Galaxy accepts are recognised; anything else
 * (an executable renamed `.png`, an MKV, an M4A, a HEIC) is `undefined`.
 */

export type MediaKind = "image" | "video";

export interface SniffedType {
  kind: MediaKind;
  mime: string;
  ext: string;
}

/** Bytes worth reading before calling `sniffMediaType` (the WebM DocType sits within these). */
export const SNIFF_BYTES = 4096;

/** ISO-BMFF major/compatible brands of video files (MP4, QuickTime, M4V). */
const VIDEO_BRANDS: Record<string, SniffedType> = {
  "qt  ": { kind: "video", mime: "video/quicktime", ext: "mov" },
  "M4V ": { kind: "video", mime: "video/x-m4v", ext: "m4v" },
  M4VH: { kind: "video", mime: "video/x-m4v", ext: "m4v" },
  M4VP: { kind: "video", mime: "video/x-m4v", ext: "m4v" },
};
const MP4_BRANDS = new Set(["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "MSNV", "mmp4", "f4v "]);
/** Audio-only or still-image flavours of ISO-BMFF: never a video upload. */
const REJECTED_BRANDS = new Set(["M4A ", "M4B ", "M4P ", "F4A ", "F4B ", "heic", "heix", "mif1", "msf1", "avif", "avis"]);

const MP4: SniffedType = { kind: "video", mime: "video/mp4", ext: "mp4" };

export function sniffMediaType(head: Uint8Array): SniffedType | undefined {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: "image", mime: "image/jpeg", ext: "jpg" };
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { kind: "image", mime: "image/png", ext: "png" };
  }
  const ascii6 = b.subarray(0, 6).toString("latin1");
  if (ascii6 === "GIF87a" || ascii6 === "GIF89a") return { kind: "image", mime: "image/gif", ext: "gif" };
  if (b.length >= 12 && b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") {
    return { kind: "image", mime: "image/webp", ext: "webp" };
  }
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return sniffEbml(b);
  if (b.length >= 12 && b.subarray(4, 8).toString("latin1") === "ftyp") return sniffFtyp(b);
  return undefined;
}

/** EBML is Matroska's container; only the `webm` DocType is accepted (not `matroska`). */
function sniffEbml(b: Buffer): SniffedType | undefined {
  // DocType element: id 0x42 0x82, a one-byte size (0x84 for "webm"), then the string.
  const at = b.indexOf(Buffer.from([0x42, 0x82]), 4);
  if (at < 0 || at > 64) return undefined;
  return b.subarray(at + 3, at + 7).toString("latin1") === "webm" ? { kind: "video", mime: "video/webm", ext: "webm" } : undefined;
}

/** `ftyp` box: size(4) "ftyp" major(4) minor(4) compatible brands(4 each) up to the box size. */
function sniffFtyp(b: Buffer): SniffedType | undefined {
  const major = b.subarray(8, 12).toString("latin1");
  if (REJECTED_BRANDS.has(major)) return undefined;
  if (VIDEO_BRANDS[major]) return VIDEO_BRANDS[major];
  if (MP4_BRANDS.has(major)) return MP4;
  const boxSize = Math.min(b.readUInt32BE(0), b.length, 256);
  for (let at = 16; at + 4 <= boxSize; at += 4) {
    const brand = b.subarray(at, at + 4).toString("latin1");
    if (REJECTED_BRANDS.has(brand)) return undefined;
    if (VIDEO_BRANDS[brand]) return VIDEO_BRANDS[brand];
    if (MP4_BRANDS.has(brand)) return MP4;
  }
  return undefined;
}

/** The file extension Galaxy uses for a mime type it produced or accepted. */
export function extensionForMime(mime: string): string | undefined {
  return {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/x-m4v": "m4v",
    "video/webm": "webm",
  }[mime];
}
