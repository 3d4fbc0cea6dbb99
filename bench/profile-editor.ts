/**
 * Where the browser's main thread spends the opening of a big workflow (issue 10): a CPU profile
 * (CDP `Profiler`) from navigation until a click on "Add Text" has added its node (with `--type`, then six
 * zoom-in steps and a typed character), summed by self time per source (through the build's
 * browser source maps) and per function.
 *
 *   GALAXY_BROWSER_SOURCE_MAPS=1 npm run build   # maps that name each sample's source
 *   npx tsx bench/profile-editor.ts [--build .] [--shape fanout] [--type] [--out /tmp/editor.cpuprofile]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { AnyMap, originalPositionFor, type TraceMap } from "@jridgewell/trace-mapping";
import { launchBrowser, openEditorSession } from "./editor-session";
import { EDITOR_SHAPES, type EditorShape } from "./graphs";
import { cleanUpOnSignals, runMain, sleep } from "./server-kit";

const { values: opts } = parseArgs({
  options: {
    build: { type: "string", default: "." },
    shape: { type: "string", default: "fanout" },
    out: { type: "string", default: join(tmpdir(), "galaxy-editor.cpuprofile") },
    top: { type: "string", default: "30" },
    /** Also print the busiest sources per window of this many ms from the profile's start (≈ navigation). */
    windows: { type: "string" },
    /** Summarize a profile saved earlier instead of taking one. */
    from: { type: "string" },
    /** Also zoom in and type a character after the add (the profile then covers an edit too). */
    type: { type: "boolean", default: false },
  },
});
const BUILD = resolve(opts.build);
const SHAPE = opts.shape as EditorShape;
if (!EDITOR_SHAPES.includes(SHAPE)) throw new Error(`--shape: ${EDITOR_SHAPES.join(", ")}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, TraceMap | null>();
function mapOf(url: string): TraceMap | null {
  if (!maps.has(url)) {
    // A chunk names its map in its last line (Turbopack's maps are sectioned: AnyMap reads both kinds).
    const path = /\/_next\/(static\/.*\.js)$/.exec(new URL(url).pathname)?.[1];
    const chunk = path && join(BUILD, ".next", path);
    const named =
      chunk && existsSync(chunk)
        ? /sourceMappingURL=(\S+)\s*$/.exec(readFileSync(chunk, "utf8"))?.[1]
        : undefined;
    const file = chunk && named && join(chunk, "..", named);
    maps.set(url, file && existsSync(file) ? new AnyMap(readFileSync(file, "utf8")) : null);
  }
  return maps.get(url)!;
}

/** "package" or "src/file" and a function name, for one frame. */
function sourceOf(frame: ProfileNode["callFrame"]): { group: string; fn: string } {
  if (!frame.url) return { group: `(${frame.functionName || "program"})`, fn: frame.functionName };
  if (!frame.url.includes("/_next/")) return { group: frame.url.slice(-40), fn: frame.functionName };
  const map = mapOf(frame.url);
  const at = map
    ? originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber })
    : null;
  if (!at?.source) return { group: "(unmapped chunk)", fn: frame.functionName };
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(at.source);
  const group = pkg ? `${pkg[1]}` : at.source.replace(/^.*?\/(src\/)/, "$1");
  return { group, fn: `${at.name ?? frame.functionName ?? "?"} ${pkg ? pkg[2] : group}:${at.line}` };
}

function summarize(profile: Profile, top: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const { group, fn } = sourceOf(byId.get(id)!.callFrame);
    groups.set(group, (groups.get(group) ?? 0) + us);
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  });
  const line = (name: string, us: number) =>
    `  ${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`;
  console.log(`${(total / 1000).toFixed(0)} ms of samples; by source:`);
  for (const [name, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, us));
  console.log("top functions:");
  for (const [name, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(name, us));
  if (opts.windows) timeline(profile, Number(opts.windows));
}

/** Busy time per window, with its top sources: which part of the opening each cost belongs to. */
function timeline(profile: Profile, windowMs: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const windows = new Map<number, Map<string, number>>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    const { group } = sourceOf(byId.get(id)!.callFrame);
    if (group === "((idle))") return;
    const w = Math.floor(at / 1000 / windowMs);
    const groups = windows.get(w) ?? new Map<string, number>();
    groups.set(group, (groups.get(group) ?? 0) + us);
    windows.set(w, groups);
  });
  console.log(`busy per ${windowMs} ms window from the start (ms: top sources):`);
  for (const [w, groups] of [...windows].sort((a, b) => a[0] - b[0])) {
    const busy = [...groups.values()].reduce((sum, us) => sum + us, 0);
    const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([g, us]) => `${g} ${(us / 1000).toFixed(0)}`);
    console.log(`  ${String(w * windowMs).padStart(6)} ${(busy / 1000).toFixed(0).padStart(5)}  ${top.join(", ")}`);
  }
}

cleanUpOnSignals("profile-editor");

async function main() {
  if (opts.from) return summarize(JSON.parse(readFileSync(opts.from, "utf8")) as Profile, Number(opts.top));
  const browser = await launchBrowser();
  const { server, context, createWorkflow, warmUp } = await openEditorSession(browser, { build: BUILD, logFile: join(tmpdir(), "galaxy-profile-editor.log") });
  const base = server.base;
  await warmUp(SHAPE);

  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  const id = await createWorkflow(SHAPE);
  await cdp.send("Profiler.start");
  const started = Date.now();
  await page.goto(`${base}/workflows/${id}`, { waitUntil: "commit" });
  await page.getByTestId("add-text").click({ timeout: 120_000 });
  await page.locator('.react-flow__node[data-id^="text-"]').waitFor({ timeout: 120_000 });
  console.log(`added after ${Date.now() - started} ms (as seen from here)`);
  if (opts.type) {
    for (let i = 0; i < 6; i++) {
      const zoomIn = page.getByRole("button", { name: "Zoom In" });
      if (await zoomIn.isDisabled()) break; // a small graph reaches the highest zoom first
      await zoomIn.click();
    }
    await sleep(1500);
    await page.locator('.react-flow__node[data-id^="text-"]').getByRole("textbox", { name: "Text" }).click();
    await page.keyboard.press("x");
    await sleep(500);
  }
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
  writeFileSync(opts.out, JSON.stringify(profile));
  console.log(`profile: ${opts.out}`);
  summarize(profile, Number(opts.top));
  await browser.close();
}

runMain("profile-editor", main);
