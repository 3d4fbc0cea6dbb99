/**
 * The editor on big graphs, build against build (issue 10): how soon a workflow shows its nodes
 * and answers a click after navigation in headless Chromium, and how long one edit takes on a
 * settled canvas. Prints medians per build and the ratio of the last build to the first; asserts
 * nothing.
 *
 *   npx tsx bench/editor-load.bench.ts --build /tmp/wt-base --build . [--rounds 3]
 *
 * Each `--build` is a checkout holding a production build (`npm run build` done). Per build, on
 * 127.0.0.1: `npm start` on a fresh PGlite directory, a signed-up user, then per round and shape a
 * fresh workflow made by API (so no draft or kept view carries over) opened in a new tab:
 * - shapes: `fanout` (a Text node feeding 499 "Run Any LLM" nodes), `chain` (Text → 499 LLM in a
 *   line), `two` (Text → LLM); the 500 nodes sit on a 20-wide grid;
 * - "first node": navigation → the first frame in which a node is drawn (React Flow hides a node
 *   until it has measured it);
 * - "all drawn": navigation → the first frame in which every node in the page is drawn (with
 *   off-screen culling, every node the page holds);
 * - "add answered": navigation → the first frame showing the node a click on "Add Text" added; the
 *   click is sent as soon as the button can take it, as an impatient person would;
 * - "type" / "drag": zoomed in 6 steps (to ≈ 0.3 from a view fitted to 500 nodes, around the added
 *   node) and settled, one character typed into the added Text node / one step of dragging it:
 *   from the input event (its timestamp) to the frame after it was handled (rAF, then a task: the
 *   frame React's update is painted in). The median of several keys / steps.
 * Builds alternate round by round so the machine's drift hits both alike. The server's output goes
 * to a log file; the LLM stub is not needed (nothing runs).
 */
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { launchBrowser, openEditorSession, type EditorSession } from "./editor-session";
import { EDITOR_SHAPES, type EditorShape as Shape } from "./graphs";
import { cleanUpOnSignals, median, runMain, sleep } from "./server-kit";

const { values: opts } = parseArgs({
  options: {
    build: { type: "string", multiple: true, default: [] },
    rounds: { type: "string", default: "3" },
    shapes: { type: "string", default: "fanout,chain,two" },
    "settle-ms": { type: "string", default: "2500" },
  },
});
const BUILDS = (opts.build.length > 0 ? opts.build : ["."]).map((b) => resolve(b));
for (const build of BUILDS) {
  if (!existsSync(join(build, ".next", "BUILD_ID")))
    throw new Error(`${build} has no production build (.next/BUILD_ID): run npm run build there`);
}
const ROUNDS = Number(opts.rounds);
const SETTLE_MS = Number(opts["settle-ms"]);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error(`--rounds wants a positive integer (got ${opts.rounds})`);
const SHAPES = opts.shapes.split(",") as Shape[];
for (const s of SHAPES)
  if (!EDITOR_SHAPES.includes(s)) throw new Error(`--shapes: ${EDITOR_SHAPES.join(", ")} (got ${s})`);


// ---------- in the page ----------

interface Marks {
  firstNode: number | null;
  allDrawn: number | null;
  added: number | null;
  /** Input → the frame after it, per input event of the kind being measured. */
  latencies: number[];
}

/**
 * Runs before the page's own scripts: watches every frame until the added node shows, and times
 * input events to the frame after them. Plain JavaScript in a string: tsx would wrap named
 * functions in a helper the page does not have.
 */
const PROBE = `(() => {
  const marks = { firstNode: null, allDrawn: null, added: null, latencies: [] };
  window.__bench = marks;
  const drawn = (el) => el.style.visibility !== "hidden";
  const frame = () => {
    const now = performance.now();
    const nodes = document.getElementsByClassName("react-flow__node");
    let shown = 0;
    for (const el of nodes) if (drawn(el)) shown++;
    if (shown > 0 && marks.firstNode === null) marks.firstNode = now;
    if (shown > 0 && shown === nodes.length && marks.allDrawn === null) marks.allDrawn = now;
    const added = document.querySelector('.react-flow__node[data-id^="text-"]');
    if (added && drawn(added)) marks.added = now;
    if (marks.added === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // After the handlers of an input event: the next frame, then a task (that frame has painted).
  const timeToFrame = (e) => {
    const start = e.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => marks.latencies.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  };
  let watched = null;
  window.__benchWatch = (type) => {
    if (watched) window.removeEventListener(watched, timeToFrame, { capture: true });
    marks.latencies = [];
    watched = type;
    window.addEventListener(type, timeToFrame, { capture: true });
  };
})();`;

const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

// ---------- one measurement ----------

type Figure = "first node" | "all drawn" | "add answered" | "type" | "drag";
const FIGURES: Figure[] = ["first node", "all drawn", "add answered", "type", "drag"];
/** results[build][shape][figure] = one value per round */
const results = new Map(BUILDS.map((b) => [b, new Map(SHAPES.map((s) => [s, new Map<Figure, number[]>()]))]));
const note = (build: string, shape: Shape, figure: Figure, value: number) => {
  const byFigure = results.get(build)!.get(shape)!;
  byFigure.set(figure, [...(byFigure.get(figure) ?? []), value]);
};

async function measureOnce(
  { context, server, createWorkflow }: EditorSession,
  build: string,
  shape: Shape,
): Promise<void> {
  const base = server.base;
  const id = await createWorkflow(shape);
  const page = await context.newPage();
  try {
    await page.goto(`${base}/workflows/${id}`, { waitUntil: "commit" });
    await page.getByTestId("add-text").click({ timeout: 120_000 });
    await page.waitForFunction(
      () => (window as unknown as { __bench: Marks }).__bench.added !== null,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    const loaded = await marksOf(page);
    note(build, shape, "first node", loaded.firstNode!);
    note(build, shape, "all drawn", loaded.allDrawn!);
    note(build, shape, "add answered", loaded.added!);

    // Zoomed in around the view's centre, where the added node is, when the view opened too far out to
    // read or type (a build that fits 500 nodes whole; since issue 10's merge a big graph opens at its
    // start at 0.75, and the edit is timed there), then settled: the first autosave went out.
    const zoom = await page
      .locator(".react-flow__viewport")
      .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    for (let i = 0; zoom < 0.5 && i < 6; i++) {
      const zoomIn = page.getByRole("button", { name: "Zoom In" });
      if (await zoomIn.isDisabled()) break; // a small graph reaches the highest zoom first
      await zoomIn.click();
    }
    await sleep(SETTLE_MS);
    const added = page.locator('.react-flow__node[data-id^="text-"]');
    await page.evaluate(() =>
      (window as unknown as { __benchWatch: (t: string) => void }).__benchWatch("keydown"),
    );
    await added.getByRole("textbox", { name: "Text" }).click();
    for (const key of "abcdefg") {
      await page.keyboard.press(key);
      await sleep(150);
    }
    const typed = (await marksOf(page)).latencies;
    note(build, shape, "type", median(typed));

    await page.evaluate(() =>
      (window as unknown as { __benchWatch: (t: string) => void }).__benchWatch("pointermove"),
    );
    const header = added.getByTestId("node-header");
    const box = (await header.boundingBox())!;
    const from = { x: box.x + 40, y: box.y + box.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= 8; step++) {
      await page.mouse.move(from.x + step * 6, from.y + step * 3);
      await sleep(120);
    }
    await page.mouse.up();
    // The first steps cross React Flow's drag threshold and start the drag; the rest move the node.
    note(build, shape, "drag", median((await marksOf(page)).latencies.slice(2)));
  } finally {
    await page.close({ runBeforeUnload: false });
  }
}

/** The JavaScript the editor route loads, gzipped (what a first visit downloads). */
async function editorScripts({ context, server, createWorkflow }: EditorSession, build: string): Promise<string> {
  const base = server.base;
  const id = await createWorkflow("two");
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on("response", (res) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith("/_next/static/") && path.endsWith(".js")) scripts.add(path);
  });
  await page.goto(`${base}/workflows/${id}`);
  await page.getByTestId("add-text").waitFor();
  await page.close({ runBeforeUnload: false });
  let gzipped = 0;
  for (const path of scripts)
    gzipped += gzipSync(readFileSync(join(build, ".next", path.replace("/_next/", ""))), { level: 9 }).length;
  return `${scripts.size} files, ${(gzipped / 1024).toFixed(0)} KiB gzipped`;
}

// ---------- main ----------

cleanUpOnSignals("editor-load bench");

async function main() {
  const browser = await launchBrowser();
  console.log(
    `editor-load bench: ${ROUNDS} rounds, shapes ${SHAPES.join(", ")}, builds ${BUILDS.map((b) => `${b} (${readFileSync(join(b, ".next", "BUILD_ID"), "utf8").trim()})`).join(", ")}, ${new Date().toISOString()}`,
  );
  // One server per build for the whole sitting (nothing runs, so they sit idle in turn).
  const running = new Map<string, EditorSession>();
  for (const build of BUILDS) {
    const logFile = join(tmpdir(), `galaxy-editor-bench-${Date.now().toString(36)}.log`);
    const session = await openEditorSession(browser, { build, logFile, initScript: PROBE });
    running.set(build, session);
    // A warm-up visit: the server's first render and the browser's cache of the scripts stay out of the figures.
    console.log(`  ${build}: editor route JavaScript ${await editorScripts(session, build)} (log ${logFile})`);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? BUILDS : [...BUILDS].reverse();
    for (const build of order) {
      const session = running.get(build)!;
      for (const shape of SHAPES) await measureOnce(session, build, shape);
      const got = results.get(build)!;
      console.log(
        `  round ${round} ${build}: ${SHAPES.map((s) => `${s} ${FIGURES.map((f) => `${f} ${got.get(s)!.get(f)!.at(-1)!.toFixed(0)}`).join(" / ")} ms`).join(" · ")}`,
      );
    }
  }
  await browser.close();

  const first = BUILDS[0];
  const last = BUILDS.at(-1)!;
  console.log(`\nmedians over ${ROUNDS} rounds, ms; ratio = ${last} / ${first} (lower is better)`);
  console.log(
    `  ${"shape".padEnd(7)} ${"figure".padEnd(13)}${BUILDS.map((_, i) => `build ${i + 1}`.padStart(10)).join("")}     ratio`,
  );
  for (const shape of SHAPES) {
    for (const figure of FIGURES) {
      const medians = BUILDS.map((b) => median(results.get(b)!.get(shape)!.get(figure)!));
      const ratio = medians.at(-1)! / medians[0];
      console.log(
        `  ${shape.padEnd(7)} ${figure.padEnd(13)}${medians.map((m) => m.toFixed(0).padStart(10)).join("")}   ${ratio.toFixed(2)}×`,
      );
    }
  }
}

runMain("editor-load bench", main);
