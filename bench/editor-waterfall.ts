/**
 * The path from navigation to an answered "Add Text" click, one visit at a time (issue 10): the
 * document's and every request's timings (Resource Timing: start → first byte → end), the page's
 * milestones (editor shown, opening view set, node added) and the long tasks of the main thread,
 * all in ms from navigation, so a waterfall of HTML, scripts and /api calls can be read off.
 *
 *   npx tsx bench/editor-waterfall.ts [--build .] [--shape two] [--visits 3]
 *
 * Like editor-load.bench.ts: `npm start` of the build on a fresh PGlite directory, a signed-up
 * user, a warm-up visit (scripts cached), then per visit a fresh workflow opened in a new tab and
 * "Add Text" clicked as soon as it can be.
 */
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { launchBrowser, openEditorSession, type EditorSession } from "./editor-session";
import { EDITOR_SHAPES, type EditorShape } from "./graphs";
import { cleanUpOnSignals, runMain } from "./server-kit";

const { values: opts } = parseArgs({
  options: {
    build: { type: "string", default: "." },
    shape: { type: "string", default: "two" },
    visits: { type: "string", default: "3" },
  },
});
const BUILD = resolve(opts.build);
const SHAPE = opts.shape as EditorShape;
if (!EDITOR_SHAPES.includes(SHAPE)) throw new Error(`--shape: ${EDITOR_SHAPES.join(", ")}`);

/** Runs before the page's scripts: notes when each milestone first holds, and the long tasks. */
const PROBE = `(() => {
  const marks = {};
  const longTasks = [];
  window.__waterfall = { marks, longTasks };
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: "longtask", buffered: true });
  const frame = () => {
    if (document.querySelector("main") && document.body.textContent.includes("Opening workflow")) mark("opening text");
    if (document.querySelector('[data-testid="editor"]')) mark("editor shown");
    if (document.querySelector('[data-testid="canvas"] .react-flow')) mark("react flow mounted");
    if (document.querySelector('[data-testid="canvas"][data-view="ready"]')) mark("view ready");
    const node = document.querySelector(".react-flow__node");
    if (node && node.style.visibility !== "hidden") mark("first node drawn");
    const added = document.querySelector('.react-flow__node[data-id^="text-"]');
    if (added && added.style.visibility !== "hidden") mark("added node drawn");
    if (!("added node drawn" in marks)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener("click", () => mark("click received"), { capture: true });
})();`;

/** Reads the timings back (a string: tsx would wrap named functions in a helper the page lacks). */
const COLLECT = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const w = window.__waterfall;
  return {
    document: { name: "document", start: 0, firstByte: Math.round(nav.responseStart), end: Math.round(nav.responseEnd), bytes: nav.encodedBodySize },
    domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
    requests: performance.getEntriesByType("resource").map((e) => ({
      name: new URL(e.name).pathname, start: Math.round(e.startTime), firstByte: Math.round(e.responseStart), end: Math.round(e.responseEnd), bytes: e.encodedBodySize,
    })),
    marks: Object.entries(w.marks).map(([name, at]) => [name, Math.round(at)]),
    longTasks: w.longTasks,
  };
})()`;

interface Collected {
  document: Timing;
  domContentLoaded: number;
  requests: Timing[];
  marks: [string, number][];
  longTasks: [number, number][];
}

interface Timing {
  name: string;
  start: number;
  firstByte: number;
  end: number;
  bytes: number;
}

async function visit({ context, server, createWorkflow }: EditorSession): Promise<void> {
  const base = server.base;
  const id = await createWorkflow(SHAPE);
  const page = await context.newPage();
  await page.goto(`${base}/workflows/${id}`, { waitUntil: "commit" });
  await page.getByTestId("add-text").click({ timeout: 120_000 });
  await page.waitForFunction(() => "added node drawn" in (window as unknown as { __waterfall: { marks: object } }).__waterfall.marks, undefined, { timeout: 120_000 });
  const got = (await page.evaluate(COLLECT)) as Collected;
  await page.close({ runBeforeUnload: false });
  const line = (t: Timing) =>
    `  ${String(t.start).padStart(6)} → ${String(t.firstByte).padStart(6)} → ${String(t.end).padStart(6)}  ${(t.bytes / 1024).toFixed(1).padStart(7)} KiB  ${t.name}`;
  console.log(`visit (${SHAPE}): requests, ms from navigation (start → first byte → end):`);
  console.log(line(got.document));
  for (const r of got.requests.sort((a, b) => a.start - b.start)) console.log(line(r));
  console.log(`  DOMContentLoaded ${got.domContentLoaded}`);
  console.log(`  milestones: ${got.marks.sort((a, b) => a[1] - b[1]).map(([n, at]) => `${n} ${at}`).join(" · ")}`);
  const busy = got.longTasks.reduce((sum, [, d]) => sum + d, 0);
  console.log(`  long tasks (start+duration): ${got.longTasks.map(([s, d]) => `${s}+${d}`).join(" ")} (${busy} ms)`);
}

cleanUpOnSignals("editor-waterfall");

async function main() {
  const browser = await launchBrowser();
  const session = await openEditorSession(browser, { build: BUILD, logFile: join(tmpdir(), "galaxy-editor-waterfall.log"), initScript: PROBE });
  await visit(session); // warm-up: scripts cached, the server's first render done
  for (let i = 0; i < Number(opts.visits); i++) await visit(session);
  await browser.close();
}

runMain("editor-waterfall", main);
