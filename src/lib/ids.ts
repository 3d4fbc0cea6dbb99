import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A collision-resistant id in the spirit of the seed's `cuid()`: a leading letter,
 * then a time part (so ids sort roughly by creation) and 16 random characters.
 */
export function createId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const bytes = randomBytes(16);
  let random = "";
  for (const b of bytes) random += ALPHABET[b % 36];
  return `c${time}${random}`;
}
