/**
 * A node's cache key: sha256 of a canonical JSON of its type, its data and the values on
 * its connected inputs (`cacheKeyText`). Two runs that would feed a node the same things get
 * the same key, whatever order the keys were written in.
 */
import * as crypto from "node:crypto";
import { cacheKeyText } from "./cache-key-text";
import type { ConnectedValues } from "./node-catalogue";

export { stableStringify } from "./cache-key-text";

/**
 * @example
 * const key = computeCacheKey("cropImage", { x_percent: 10 }, { image_url: ["https://…/a.png"] });
 * // "3f1c…" (64 hex digits); the same inputs in any key order give the same key
 */
export function computeCacheKey(type: string, data: Record<string, unknown>, connected: ConnectedValues): string {
  return sha256Hex(cacheKeyText(type, data, connected));
}

// One-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as a Hash object; fall back before that.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "hex")
    : (text) => crypto.createHash("sha256").update(text).digest("hex");
