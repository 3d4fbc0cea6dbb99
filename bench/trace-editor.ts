/**
 * What the page's main thread does from navigation to an answered "Add Text" click (issue 10),
 * from a Chromium trace (the DevTools timeline categories): the top-level tasks' time by kind
 * (script evaluation and compilation, style, layout, paint, parsing, timers, …) in windows of
 * the visit, so the cost of opening ANY workflow can be told from the cost of a big one.
 *
 *   npx tsx bench/trace-editor.ts [--build .] [--shape two] [--out /tmp/editor-trace.json]
 *
 * Set up by `editor-session.ts` (a warm-up visit first, scripts cached).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { launchBrowser, openEditorSession } from "./editor-session";
import { EDITOR_SHAPES, type EditorShape } from "./graphs";
import { cleanUpOnSignals, runMain } from "./server-kit";

const { values: opts } = parseArgs({
  options: {
    build: { type: "string", default: "." },
    shape: { type: "string", default: "two" },
    out: { type: "string", default: join(tmpdir(), "galaxy-editor-trace.json") },
    window: { type: "string", default: "250" },
    from: { type: "string" },
  },
});
const BUILD = resolve(opts.build);
const SHAPE = opts.shape as EditorShape;
if (!EDITOR_SHAPES.includes(SHAPE)) throw new Error(`--shape: ${EDITOR_SHAPES.join(", ")}`);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

/** Names that say what a slice of a task is (the innermost known one wins). */
const KINDS = new Set([
  "ParseHTML", "EvaluateScript", "v8.compile", "v8.compileModule", "v8.produceCache", "FunctionCall",
  "TimerFire", "EventDispatch", "FireAnimationFrame", "RunMicrotasks", "UpdateLayoutTree", "Layout",
  "Paint", "PrePaint", "Layerize", "Commit", "HitTest", "ParseAuthorStyleSheet", "MinorGC", "MajorGC",
  "XHRReadyStateChange", "ResourceReceivedData", "v8.run", "V8.GCScavenger", "V8.GC_MARK_COMPACTOR",
  "ScheduleStyleRecalculation", "Decode Image", "v8.evaluateModule", "IntersectionObserverController::computeIntersections",
]);

function summarize(events: TraceEvent[], navTs: number, endTs: number, windowMs: number): void {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((t) => t.pid === e.pid && t.name === "EvaluateScript"));
  if (!main) throw new Error("no renderer main thread with scripts in the trace");
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined && e.ts >= navTs && e.ts <= endTs).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time per kind: each slice's duration less its children's, attributed to the nearest known kind.
  const stack: { end: number; kind: string; e: TraceEvent }[] = [];
  const buckets = new Map<number, Map<string, number>>();
  const totals = new Map<string, number>();
  const add = (at: number, kind: string, us: number) => {
    const w = Math.floor((at - navTs) / 1000 / windowMs);
    const b = buckets.get(w) ?? new Map<string, number>();
    b.set(kind, (b.get(kind) ?? 0) + us);
    buckets.set(w, b);
    totals.set(kind, (totals.get(kind) ?? 0) + us);
  };
  const selfOf = new Map<TraceEvent, number>();
  for (const e of onMain) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) selfOf.set(parent.e, (selfOf.get(parent.e) ?? parent.e.dur!) - e.dur!);
    const kind = KINDS.has(e.name) ? e.name : parent?.kind ?? "(task)";
    stack.push({ end: e.ts + e.dur!, kind, e });
    selfOf.set(e, selfOf.get(e) ?? e.dur!);
  }
  const kindOf = new Map<TraceEvent, string>();
  stack.length = 0;
  for (const e of onMain) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const kind = KINDS.has(e.name) ? e.name : stack.at(-1)?.kind ?? "(task)";
    kindOf.set(e, kind);
    stack.push({ end: e.ts + e.dur!, kind, e });
  }
  for (const e of onMain) add(e.ts, kindOf.get(e)!, Math.max(0, selfOf.get(e)!));
  const ms = (us: number) => (us / 1000).toFixed(0);
  console.log(`main thread, navigation → added node (${ms(endTs - navTs)} ms), busy by kind (self time, ms):`);
  for (const [kind, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${ms(us).padStart(6)}  ${kind}`);
  console.log(`per ${windowMs} ms window (busy ms: top kinds):`);
  for (const [w, b] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const busy = [...b.values()].reduce((s, x) => s + x, 0);
    const top = [...b].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, us]) => `${k} ${ms(us)}`).join(", ");
    console.log(`  ${String(w * windowMs).padStart(6)}  ${ms(busy).padStart(4)}  ${top}`);
  }
  const scripts = onMain.filter((e) => e.name === "EvaluateScript" || e.name === "v8.compile").sort((a, b) => b.dur! - a.dur!).slice(0, 8);
  console.log("longest script evaluations / compiles:");
  for (const e of scripts) console.log(`  ${ms(e.ts - navTs).padStart(6)} +${ms(e.dur!).padStart(4)}  ${e.name} ${(e.args?.data?.url ?? "").replace(/^.*\/_next\//, "")}`);
}

cleanUpOnSignals("trace-editor");

async function main() {
  if (opts.from) {
    const saved = JSON.parse(readFileSync(opts.from, "utf8")) as { events: TraceEvent[]; navTs: number; endTs: number };
    return summarize(saved.events, saved.navTs, saved.endTs, Number(opts.window));
  }
  const browser = await launchBrowser();
  const { server, context, createWorkflow, warmUp } = await openEditorSession(browser, { build: BUILD, logFile: join(tmpdir(), "galaxy-trace-editor.log") });
  const base = server.base;
  await warmUp(SHAPE);

  const page = await context.newPage();
  const id = await createWorkflow(SHAPE);
  await browser.startTracing(page, { categories: ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading", "v8"] });
  await page.goto(`${base}/workflows/${id}`, { waitUntil: "commit" });
  await page.getByTestId("add-text").click({ timeout: 120_000 });
  await page.locator('.react-flow__node[data-id^="text-"]').waitFor({ timeout: 120_000 });
  await page.evaluate(() => performance.mark("galaxy-added"));
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.url?.includes("/workflows/"))
    ?? events.find((e) => e.name === "navigationStart");
  const end = events.find((e) => e.name === "galaxy-added");
  if (!nav || !end) throw new Error("navigationStart or the added mark missing from the trace");
  writeFileSync(opts.out, JSON.stringify({ events, navTs: nav.ts, endTs: end.ts }));
  console.log(`trace: ${opts.out}`);
  summarize(events, nav.ts, end.ts, Number(opts.window));
  await browser.close();
}

runMain("trace-editor", main);
