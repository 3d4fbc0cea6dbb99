/**
 * The Response for `GET /api/files/{id}` (the caller has checked ownership): the right
 * Content-Type, a single `Range` (206 / 416), a strong ETag (the content's SHA-256) with
 * `If-None-Match` → 304, and long private caching (an asset's bytes never change).
 */
import "server-only";
import type { Asset } from "../db/schema";
import type { ByteRange } from "../storage/file-storage";
import { getStorage } from "../storage/get-storage";

const IMMUTABLE = "private, max-age=31536000, immutable";

export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multi-range and malformed headers are ignored (RFC 9110 allows answering 200 with the whole file).
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  if (size === 0) return "unsatisfiable";
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

function etagOf(asset: Asset): string {
  return `"${asset.sha256 ?? asset.id}"`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || value === etag;
  });
}

function contentDisposition(asset: Asset): string {
  if (!asset.originalName) return "inline";
  const ascii = asset.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(asset.originalName)}`;
}

export async function serveAssetFile(asset: Asset, req: Request): Promise<Response> {
  const etag = etagOf(asset);
  const headers = new Headers({
    "Content-Type": asset.mime,
    "Cache-Control": IMMUTABLE,
    ETag: etag,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(asset),
    // Defence in depth should a file ever be opened as a document: no scripts, no plugins.
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
  });
  if (etagMatches(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  const size = asset.size;
  // If-Range with a different validator means "send it all".
  const ifRange = req.headers.get("if-range");
  const range = ifRange && ifRange.trim() !== etag ? undefined : parseRange(req.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    headers.delete("Content-Type");
    return new Response(null, { status: 416, headers });
  }
  const storage = getStorage(asset.storage);
  const body = await storage.read(asset, range);
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    return new Response(body, { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  return new Response(body, { status: 200, headers });
}
