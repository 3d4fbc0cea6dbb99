/**
 * Random secrets and their digests. Session cookies and API tokens are high-entropy
 * random strings, so a plain sha256 is the right digest (no salt or KDF needed);
 * only the digest is ever stored.
 */
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url (43 characters). */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
