/**
 * From the model's first token to its appearance in the browser: the built app (`next start`,
 * `npm run build` first) and the LLM stub each in their own process, the editor in headless
 * Chromium (Debian's). For each run, the stub records when it wrote the first text chunk
 * (`performance.timeOrigin + performance.now()`, GET /__stub/requests) and a MutationObserver
 * in the page records when the streaming node first shows text (the same clock, same machine).
 * Prints the median and p95 over RUNS runs (default 15); asserts nothing.
 *
 *   npx tsx bench/stream-latency.bench.ts
 *   BENCH_URL=http://127.0.0.1:3000 STUB_URL=http://127.0.0.1:4010 npx tsx bench/stream-latency.bench.ts   (already running; the app pointed at the stub)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium-flags";
import { chromium, type Page } from "@playwright/test";

const RUNS = Number(process.env.RUNS ?? 15);
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3250);
const STUB_PORT = Number(process.env.BENCH_STUB_PORT ?? 4050);
const ANSWER = Array.from({ length: 30 }, (_, i) => (i === 0 ? "**Launch**" : `word${i}`)).join(" ");

const children: ChildProcess[] = [];

function start(command: string, argv: string[], env: Record<string, string>): void {
  // Its own process group, so stopping it also stops what npx started.
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  children.push(child);
}

function stopAll(): void {
  for (const child of children.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Starts the stub and the app unless BENCH_URL/STUB_URL name running ones. */
async function services(): Promise<{ base: string; stub: string; dataDir?: string }> {
  if (process.env.BENCH_URL && process.env.STUB_URL) return { base: process.env.BENCH_URL, stub: process.env.STUB_URL };
  const stub = `http://127.0.0.1:${STUB_PORT}`;
  const base = `http://127.0.0.1:${APP_PORT}`;
  const dataDir = mkdtempSync(join(tmpdir(), "galaxy-latency-"));
  start("npx", ["tsx", "scripts/llm-stub.ts", "--port", String(STUB_PORT)], {});
  start("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(APP_PORT)], {
    GALAXY_DATA_DIR: dataDir,
    OPENAI_COMPATIBLE_BASE_URL: `${stub}/v1`,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  });
  await waitFor(`${stub}/__stub/requests`, 60_000);
  await waitFor(`${base}/api/health`, 180_000);
  return { base, stub, dataDir };
}

interface StubRequests {
  requests: { seq: number; chunks: { at: number; text: string }[] }[];
}

/**
 * Arms the observer: sets `window.__firstText` to the time the node first shows text. Sent as
 * source text, so tsx's helpers (`__name`) never reach the page.
 */
function armObserver(page: Page, nodeId: string): Promise<void> {
  return page.evaluate(`(() => {
    window.__firstText = undefined;
    window.__firstDelta = undefined;
    if (window.__observer) window.__observer.disconnect();
    window.__observer = new MutationObserver(() => {
      const el = document.querySelector('[data-testid="stream-text-${nodeId}"]');
      if (window.__firstText === undefined && el && (el.textContent || "").length > 0) {
        window.__firstText = performance.timeOrigin + performance.now();
        window.__observer.disconnect();
      }
    });
    window.__observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
}

function percentile(sorted: number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low);
}

async function main() {
  const { base, stub, dataDir } = await services();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    const headers = { origin: base };
    const signUp = await page.request.post(`${base}/api/auth/sign-up`, { data: { email: `latency-${Date.now().toString(36)}@example.com`, password: "correct horse battery" }, headers });
    if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()} ${await signUp.text()}`);
    const created = await page.request.post(`${base}/api/workflows`, {
      headers,
      data: {
        name: "Latency",
        nodes: [
          { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "Say something" } },
          { id: "model", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2" } },
        ],
        edges: [{ id: "e1", source: "prompt", sourceHandle: "text", target: "model", targetHandle: "user_message" }],
      },
    });
    if (!created.ok()) throw new Error(`create failed: ${created.status()} ${await created.text()}`);
    const { workflow } = (await created.json()) as { workflow: { id: string } };
    // Each chunk 40 ms apart: the first token is alone on the wire for a while, as from a real model.
    await fetch(`${stub}/__stub/reply`, { method: "PUT", body: JSON.stringify({ text: ANSWER, chunkDelayMs: 40 }) });

    // Also when the page's EventSource first received the node's text — a delta, or the snapshot's
    // text so far when the stream connected after the answer began: splits server + network from drawing.
    await page.addInitScript(`(() => {
      const Native = window.EventSource;
      const seen = () => {
        if (window.__firstDelta === undefined) window.__firstDelta = performance.timeOrigin + performance.now();
      };
      window.EventSource = class extends Native {
        constructor(url, init) {
          super(url, init);
          this.addEventListener("delta", seen);
          this.addEventListener("snapshot", (e) => {
            const nodes = JSON.parse(e.data).nodeResults || [];
            if (nodes.some((n) => n.status === "RUNNING" && n.output && n.output.output)) seen();
          });
        }
      };
    })()`);
    await page.goto(`${base}/workflows/${workflow.id}`);
    await page.getByTestId("editor").waitFor();
    const latencies: number[] = [];
    const received: number[] = [];
    const drawn: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      await armObserver(page, "model");
      await page.getByTestId("run").click();
      await page.waitForFunction("window.__firstText !== undefined", undefined, { timeout: 60_000 });
      // The run has ended when the Run button is back (Cancel shows while it runs).
      await page.getByTestId("run").waitFor({ timeout: 60_000 });
      const shownAt = (await page.evaluate("window.__firstText")) as number | undefined;
      const receivedAt = (await page.evaluate("window.__firstDelta")) as number | undefined;
      const log = (await (await fetch(`${stub}/__stub/requests`)).json()) as StubRequests;
      const sentAt = log.requests.at(-1)?.chunks[0]?.at;
      if (shownAt === undefined || sentAt === undefined) throw new Error(`run ${i + 1}: no first token seen (shown ${shownAt}, sent ${sentAt})`);
      // The first run warms the server's routes and the page's chunks; it is not counted.
      if (i > 0) {
        latencies.push(shownAt - sentAt);
        if (receivedAt !== undefined) {
          received.push(receivedAt - sentAt);
          drawn.push(shownAt - receivedAt);
        }
      }
    }
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const line = (what: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${what}, ${sorted.length} runs: median ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, min ${fmt(sorted[0])}, max ${fmt(sorted.at(-1)!)}`;
    };
    console.log(line("first token → shown in the node", latencies));
    if (received.length > 0) {
      console.log(`  of which: ${line("stub → the page's EventSource (delta or snapshot text; server, SSE)", received)}`);
      console.log(`  and:      ${line("EventSource → text in the node (store, React)", drawn)}`);
    }
    await fetch(`${stub}/__stub/reply`, { method: "PUT", body: "null" });
  } finally {
    await browser.close();
    stopAll();
    if (dataDir) {
      await new Promise((r) => setTimeout(r, 2_000)); // the app lets go of its data directory
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
