/**
 * GET /vendor/elk-worker.js — elkjs's own Web Worker script (`elkjs/lib/elk-worker.min.js`), so
 * tidy up lays graphs out off the page's main thread (`lib/canvas/elk-layout.ts`). Served from
 * the installed package, not copied into `public/`: it is always the version `elk-api` expects.
 * Public (no user data); the browser keeps it a day, and Next compresses it (1.6 MB → ≈ 0.4 MB).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const runtime = "nodejs";

let script: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  // A path, not require.resolve: the bundler turns that into a module id. `next start` runs in the app's root.
  script ??= readFile(join(process.cwd(), "node_modules", "elkjs", "lib", "elk-worker.min.js"));
  const body = await script;
  return new Response(new Uint8Array(body), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
