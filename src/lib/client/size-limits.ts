/**
 * Sizes in words against the server's limits ("1.1 MB of text — the limit is 1 MB per
 * workflow"), so a text too big to save says so on its node and a save that cannot fit is
 * never sent.
 */
import { MAX_TEXT_FIELD_CHARS } from "@/contracts/limits";

const COUNT = new Intl.NumberFormat("en-US");

/** UTF-8 length of `text` without encoding it (a body's size on the wire). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "820 bytes", "12.5 KB", "1.1 MB" (decimal units, as people read them). */
export function formatSize(bytes: number, digits = 1): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const [unit, size] = bytes < 1_000_000 ? ["KB", bytes / 1000] : ["MB", bytes / 1_000_000];
  return `${Number(size.toFixed(digits))} ${unit}`;
}

/** A size and its limit in words, with digits enough that an excess never reads "1 MB … limit 1 MB". */
export function sizeAgainstLimit(bytes: number, limit: number): { size: string; limit: string } {
  for (let digits = 1; digits <= 6; digits++) {
    const size = formatSize(bytes, digits);
    const limitText = formatSize(limit, digits);
    if (size !== limitText) return { size, limit: limitText };
  }
  return { size: `${COUNT.format(bytes)} bytes`, limit: `${COUNT.format(limit)} bytes` };
}

/**
 * What keeps one text field from being saved, in words, or null: more bytes than a whole
 * workflow may have, or more characters than a field may hold.
 */
export function textSizeProblem(text: string, maxBodyBytes: number): string | null {
  // Each UTF-16 unit is at most 3 bytes: a short text cannot be over either limit.
  if (text.length <= Math.min(MAX_TEXT_FIELD_CHARS, Math.floor(maxBodyBytes / 3))) return null;
  const bytes = utf8Bytes(text);
  if (bytes > maxBodyBytes) {
    const words = sizeAgainstLimit(bytes, maxBodyBytes);
    return `${words.size} of text — the limit is ${words.limit} per workflow. Shorten it to save.`;
  }
  if (text.length > MAX_TEXT_FIELD_CHARS) {
    return `${COUNT.format(text.length)} characters — the limit is ${COUNT.format(MAX_TEXT_FIELD_CHARS)} per text box. Shorten it to save.`;
  }
  return null;
}

/** Why a body of `bytes` is not sent, naming what takes the most room. */
export function bodySizeProblem(what: "workflow" | "run", bytes: number, maxBodyBytes: number, biggest: { name: string; bytes: number }[]): string {
  const words = sizeAgainstLimit(bytes, maxBodyBytes);
  const named = biggest.map((b) => `${b.name} (${formatSize(b.bytes)})`).join(", ");
  const subject = what === "workflow" ? "This workflow" : "The graph this run needs";
  return `${subject} is ${words.size} — the limit is ${words.limit}.${named ? ` Most of it is ${named}.` : ""} Shorten it, then try again.`;
}
