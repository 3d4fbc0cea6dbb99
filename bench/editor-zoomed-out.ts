/**
 * The 500-node fan-out zoomed out to the whole graph (issue 10): main-thread long tasks after a
 * click on Fit View (nodes become outlines, ≈ 340 targets come into view), the wires mounted as
 * edges there, then a pan of 20 steps and one wheel notch: its wall time and long tasks. Builds
 * alternate round by round; prints each round and the medians; asserts nothing.
 *
 *   npx tsx bench/editor-zoomed-out.ts --build /tmp/wt-base --build . [--rounds 3]
 */
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "@playwright/test";
import { launchBrowser, openEditorSession, type EditorSession } from "./editor-session";
import { cleanUpOnSignals, median, runMain, sleep } from "./server-kit";

const { values: opts } = parseArgs({
  options: { build: { type: "string", multiple: true, default: [] }, rounds: { type: "string", default: "3" } },
});
const BUILDS = (opts.build.length > 0 ? opts.build : ["."]).map((b) => resolve(b));
const ROUNDS = Number(opts.rounds);

interface Figures {
  fitLongTasks: number;
  edges: number;
  panWall: number;
  panLongTasks: number;
}

/** Long tasks (ms) since the last call, from a PerformanceObserver started at load. */
const WATCH = `window.__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: "longtask" });`;
const takeLongTasks = (page: Page) => page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0).reduce((a, b) => a + b, 0));

async function measure(session: EditorSession): Promise<Figures> {
  const page = await session.context.newPage();
  await page.goto(`${session.server.base}/workflows/${await session.createWorkflow("fanout")}`);
  await page.getByTestId("add-text").waitFor({ timeout: 120_000 });
  await sleep(1500);
  await takeLongTasks(page);
  await page.getByRole("button", { name: "Fit View" }).click();
  await sleep(2500);
  const fitLongTasks = await takeLongTasks(page);
  const edges = await page.locator(".react-flow__edge").count();
  const box = (await page.getByTestId("canvas").boundingBox())!;
  const started = Date.now();
  await page.mouse.move(box.x + 60, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 260, box.y + box.height / 2 + 100, { steps: 20 });
  await page.mouse.up();
  await page.mouse.wheel(0, -120);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const panWall = Date.now() - started;
  await sleep(1500);
  const panLongTasks = await takeLongTasks(page);
  await page.close({ runBeforeUnload: false });
  return { fitLongTasks, edges, panWall, panLongTasks };
}

cleanUpOnSignals("editor-zoomed-out");

async function main() {
  const browser = await launchBrowser();
  const sessions = new Map<string, EditorSession>();
  for (const build of BUILDS) {
    const session = await openEditorSession(browser, { build, logFile: join(tmpdir(), `galaxy-zoomed-out-${Date.now().toString(36)}.log`), initScript: WATCH });
    await session.warmUp("fanout");
    sessions.set(build, session);
  }
  const results = new Map<string, Figures[]>(BUILDS.map((b) => [b, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const build of round % 2 ? BUILDS : [...BUILDS].reverse()) {
      const f = await measure(sessions.get(build)!);
      results.get(build)!.push(f);
      console.log(`  round ${round} ${build}: Fit View long tasks ${f.fitLongTasks.toFixed(0)} ms, ${f.edges} edges mounted · pan + zoom ${f.panWall} ms wall, long tasks ${f.panLongTasks.toFixed(0)} ms`);
    }
  }
  await browser.close();
  console.log(`medians over ${ROUNDS} rounds, ms (lower is better)`);
  for (const build of BUILDS) {
    const r = results.get(build)!;
    const m = (k: keyof Figures) => median(r.map((f) => f[k])).toFixed(0);
    console.log(`  ${build}: Fit View long tasks ${m("fitLongTasks")} · edges ${m("edges")} · pan + zoom wall ${m("panWall")} · pan long tasks ${m("panLongTasks")}`);
  }
}

runMain("editor-zoomed-out", main);
