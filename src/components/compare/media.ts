/**
 * Telling media apart from text in a node's params, inputs and outputs (all strings on the
 * wire). A port's declared type decides when there is one; otherwise a URL Galaxy serves or
 * one ending in an image extension is an image, unless its key names a video.
 */
import type { PortType } from "@/engine/node-catalogue";

export interface Media {
  kind: "image" | "video";
  urls: string[];
}

const IMAGE_ADDRESS = /^https?:\/\/\S+\.(png|jpe?g|webp|gif|avif)(\?\S*)?$/i;

function isUrl(value: unknown): value is string {
  return (
    typeof value === "string" &&
    (value.startsWith("/api/files/") || /^https?:\/\//.test(value) || value.startsWith("data:image/"))
  );
}

function guessKind(key: string, value: string): Media["kind"] | null {
  if (/video/i.test(key)) return "video";
  if (value.startsWith("/api/files/") || value.startsWith("data:image/") || IMAGE_ADDRESS.test(value))
    return "image";
  return null;
}

/** The media a value holds (one URL, or a list of them: connected inputs are lists), or null. */
export function mediaOf(key: string, value: unknown, portType?: PortType): Media | null {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(isUrl)) return null;
  const urls = list.filter(isUrl);
  if (portType === "image" || portType === "video") return { kind: portType, urls };
  if (portType) return null;
  const kinds = new Set(urls.map((url) => guessKind(key, url)));
  const [kind] = kinds;
  return kinds.size === 1 && kind ? { kind, urls } : null;
}

/** A connected input arrives as a list; a list of one reads better as its value. */
export function unwrapSingle(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}
