/**
 * Transloadit as storage (when TRANSLOADIT_AUTH_KEY and TRANSLOADIT_SECRET are set).
 * `putFile` creates an Assembly (multipart: signed `params`, `signature`, then the
 * file, streamed from disk), polls `assembly_ssl_url` until ASSEMBLY_COMPLETED, and
 * records the result's URL: the first file of the last Template step when a Template
 * (TRANSLOADIT_TEMPLATE_ID) stores it, else the upload's own URL. Reads fetch that
 * URL (forwarding a byte range). Only the URL we recorded is ever fetched.
 */
import "server-only";
import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { env } from "../env";
import type { ByteRange, FileStorage, PutFileOptions, StoredFile, StoredRef } from "./file-storage";
import { buildSignedAssemblyParams } from "./transloadit-signature";

const DEFAULT_API_URL = "https://api2.transloadit.com";
/** How long a signed request stays valid. */
const SIGNATURE_TTL_MS = 60 * 60 * 1000;
const ASSEMBLY_DEADLINE_MS = 10 * 60 * 1000;

export interface AssemblyFile {
  id?: string;
  name?: string;
  mime?: string;
  size?: number;
  url?: string | null;
  ssl_url?: string | null;
}

export interface AssemblyStatus {
  ok?: string;
  error?: string;
  message?: string;
  assembly_id?: string;
  assembly_ssl_url?: string;
  assembly_url?: string;
  uploads?: AssemblyFile[];
  results?: Record<string, AssemblyFile[]>;
}

export class TransloaditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransloaditError";
  }
}

const FAILED_STATES = new Set(["ASSEMBLY_CANCELED", "REQUEST_ABORTED"]);

function credentials() {
  const config = env();
  if (!config.TRANSLOADIT_AUTH_KEY || !config.TRANSLOADIT_SECRET) {
    throw new TransloaditError("Transloadit is not configured (TRANSLOADIT_AUTH_KEY, TRANSLOADIT_SECRET)");
  }
  return {
    key: config.TRANSLOADIT_AUTH_KEY,
    secret: config.TRANSLOADIT_SECRET,
    apiUrl: (config.TRANSLOADIT_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    templateId: config.TRANSLOADIT_TEMPLATE_ID,
  };
}

async function readStatus(response: Response): Promise<AssemblyStatus> {
  const text = await response.text();
  let status: AssemblyStatus;
  try {
    status = JSON.parse(text) as AssemblyStatus;
  } catch {
    throw new TransloaditError(`Transloadit answered ${response.status} with a body that is not JSON`);
  }
  if (status.error) throw new TransloaditError(`Transloadit: ${status.error}${status.message ? ` (${status.message})` : ""}`);
  if (!response.ok) throw new TransloaditError(`Transloadit answered ${response.status}`);
  if (status.ok && FAILED_STATES.has(status.ok)) throw new TransloaditError(`Transloadit: ${status.ok}`);
  return status;
}

/** The file URL an Assembly produced: the last step's first result, or else the first upload. */
export function assemblyFileUrl(status: AssemblyStatus): { url: string; fileId: string } | undefined {
  const steps = Object.values(status.results ?? {}).filter((files) => files.length > 0);
  const file = steps.length > 0 ? steps[steps.length - 1][0] : status.uploads?.[0];
  const url = file?.ssl_url ?? file?.url;
  return url ? { url, fileId: file?.id ?? "" } : undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new Error("canceled"));
      },
      { once: true },
    );
  });

/** Creates an Assembly uploading one file and waits for it to complete. */
export async function runUploadAssembly(filePath: string, options: PutFileOptions): Promise<AssemblyStatus> {
  const { key, secret, apiUrl, templateId } = credentials();
  const { params, signature } = buildSignedAssemblyParams(
    { authKey: key, expires: new Date(Date.now() + SIGNATURE_TTL_MS), templateId },
    secret,
  );
  const form = new FormData();
  // Transloadit reads fields in order: params and signature before the file.
  form.append("params", params);
  form.append("signature", signature);
  form.append("file", await openAsBlob(filePath, { type: options.mime }), `upload${options.ext ? `.${options.ext}` : ""}`);
  let status = await readStatus(await fetch(`${apiUrl}/assemblies`, { method: "POST", body: form, signal: options.signal }));

  const deadline = Date.now() + ASSEMBLY_DEADLINE_MS;
  let delay = 200;
  while (status.ok !== "ASSEMBLY_COMPLETED") {
    const statusUrl = status.assembly_ssl_url ?? status.assembly_url;
    if (!statusUrl) throw new TransloaditError(`Transloadit: no assembly URL to poll (state ${status.ok ?? "unknown"})`);
    if (Date.now() > deadline) throw new TransloaditError(`Transloadit: assembly not completed after ${ASSEMBLY_DEADLINE_MS / 1000} s`);
    await sleep(delay, options.signal);
    delay = Math.min(delay * 1.5, 2_000);
    status = await readStatus(await fetch(statusUrl, { signal: options.signal }));
  }
  return status;
}

export const transloaditStorage: FileStorage = {
  name: "transloadit",

  async putFile(tempPath: string, options: PutFileOptions): Promise<StoredFile> {
    try {
      const status = await runUploadAssembly(tempPath, options);
      const file = assemblyFileUrl(status);
      if (!file) throw new TransloaditError("Transloadit: the completed assembly lists no file URL");
      return { storage: "transloadit", storageKey: `${status.assembly_id ?? "assembly"}/${file.fileId}`, remoteUrl: file.url };
    } finally {
      await rm(tempPath, { force: true });
    }
  },

  async read(ref: StoredRef, range?: ByteRange) {
    if (!ref.remoteUrl) throw new TransloaditError("this file has no Transloadit URL");
    const response = await fetch(ref.remoteUrl, { headers: range ? { range: `bytes=${range.start}-${range.end}` } : {} });
    if (!response.ok || !response.body) throw new TransloaditError(`fetching the stored file failed: HTTP ${response.status}`);
    if (range && response.status !== 206) {
      // The remote ignored the range: cut it out of the full body ourselves.
      return sliceStream(response.body, range);
    }
    return response.body;
  },

  async remove() {
    // Transloadit's upload URLs expire on their own; files a Template exported belong to
    // that storage (its bucket's lifecycle rules). There is no per-file delete API to call.
  },

  localPath() {
    return undefined;
  },
};

function sliceStream(body: ReadableStream<Uint8Array>, range: ByteRange): ReadableStream<Uint8Array> {
  let offset = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const from = Math.max(range.start - offset, 0);
        const to = Math.min(range.end + 1 - offset, chunk.length);
        if (from < to) controller.enqueue(chunk.subarray(from, to));
        offset += chunk.length;
      },
    }),
  );
}
