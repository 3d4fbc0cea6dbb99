/**
 * Transloadit's Signature Authentication: the `params` field is a JSON string whose
 * `auth` holds the Auth Key and an `expires` time (`YYYY/MM/DD HH:mm:ss+00:00`, UTC);
 * the `signature` field is `sha384:` + the hex HMAC-SHA384 of exactly that string,
 * keyed with the Auth Secret. (The older form, a bare hex HMAC-SHA1, is still accepted
 * by Transloadit; `algorithm: "sha1"` produces it.) Known vectors from Transloadit's
 * Node SDK tests are checked in `transloadit-signature.test.ts`.
 */
import { createHmac, randomBytes } from "node:crypto";

export type SignatureAlgorithm = "sha384" | "sha1";

/** The signature of a params string, in the form Transloadit's API expects. */
export function signTransloaditParams(params: string, secret: string, algorithm: SignatureAlgorithm = "sha384"): string {
  const hex = createHmac(algorithm, secret).update(Buffer.from(params, "utf8")).digest("hex");
  return algorithm === "sha1" ? hex : `${algorithm}:${hex}`;
}

/** `2026/01/02 03:04:05+00:00`: Transloadit's documented expiry format. */
export function formatTransloaditExpires(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}+00:00`
  );
}

export interface AssemblyParamsInput {
  authKey: string;
  /** When the signed request stops being valid. */
  expires: Date;
  /** A Template that stores the upload (e.g. `/s3/store`); without it, a bare upload step is used. */
  templateId?: string;
  nonce?: string;
}

/** The signed `params` and `signature` form fields of an Assembly-creating request. */
export function buildSignedAssemblyParams(
  input: AssemblyParamsInput,
  secret: string,
): { params: string; signature: string } {
  const body: Record<string, unknown> = {
    auth: {
      key: input.authKey,
      expires: formatTransloaditExpires(input.expires),
      // Two uploads in the same second would otherwise sign byte-identical params.
      nonce: input.nonce ?? randomBytes(12).toString("hex"),
    },
  };
  if (input.templateId) body.template_id = input.templateId;
  else body.steps = { ":original": { robot: "/upload/handle" } };
  const params = JSON.stringify(body);
  return { params, signature: signTransloaditParams(params, secret) };
}
