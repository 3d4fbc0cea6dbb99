/**
 * The editor in headless Chromium against a running Galaxy (`npm run build && npm start`):
 * (1) the JavaScript the editor route loads, gzipped; (2) the time until a 500-node workflow
 * is interactive — every node rendered and a click on the canvas's "add Text" button
 * adds node 501. Prints figures; asserts nothing.
 *
 *   BENCH_URL=http://127.0.0.1:3000 npx tsx bench/editor-load.bench.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const base = process.env.BENCH_URL ?? "http://127.0.0.1:3000";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function graphOf(count: number) {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const llm = i % 2 === 1;
    nodes.push({
      id: `n${i}`,
      type: llm ? "llm" : "text",
      position: { x: (i % 25) * 320, y: Math.floor(i / 25) * 420 },
      data: llm ? { provider: "openai-compatible", model: "llama3.2", temperature: 0.7 } : { text: `prompt ${i}` },
    });
    if (llm) edges.push({ id: `e${i}`, source: `n${i - 1}`, sourceHandle: "text", target: `n${i}`, targetHandle: "user_message" });
  }
  return { nodes, edges };
}

async function main() {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const email = `bench-${Date.now().toString(36)}@example.com`;
  const signUp = await page.request.post(`${base}/api/auth/sign-up`, {
    data: { email, password: "correct horse battery" },
    headers: { origin: base },
  });
  if (!signUp.ok()) throw new Error(`sign-up failed: ${signUp.status()} ${await signUp.text()}`);
  const created = await page.request.post(`${base}/api/workflows`, {
    data: { name: "500 nodes", ...graphOf(500) },
    headers: { origin: base },
  });
  if (!created.ok()) throw new Error(`create failed: ${created.status()} ${await created.text()}`);
  const { workflow } = await created.json();

  const scripts = new Set<string>();
  page.on("response", (res) => {
    const url = new URL(res.url());
    if (url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });

  const started = Date.now();
  await page.goto(`${base}/workflows/${workflow.id}`);
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length >= 500, undefined, { timeout: 120_000 });
  const rendered = Date.now() - started;
  await page.getByTestId("add-text").click();
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length >= 501, undefined, { timeout: 60_000 });
  const interactive = Date.now() - started;

  // Once settled, how long one more edit takes on a 500-node canvas.
  await page.waitForTimeout(3_000);
  const clickAt = Date.now();
  await page.getByTestId("add-text").click();
  await page.waitForFunction(() => document.querySelectorAll(".react-flow__node").length >= 502, undefined, { timeout: 60_000 });
  const settledClick = Date.now() - clickAt;

  let raw = 0;
  let gzipped = 0;
  for (const path of scripts) {
    const file = readFileSync(join(".next", path.replace("/_next/", "")));
    raw += file.length;
    gzipped += gzipSync(file, { level: 9 }).length;
  }
  console.log(`editor route JavaScript: ${scripts.size} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gzipped / 1024).toFixed(0)} KiB gzipped`);
  console.log(`500-node workflow: all nodes rendered after ${rendered} ms; interactive (a click adds node 501) after ${interactive} ms; once settled, adding node 502 takes ${settledClick} ms`);
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
