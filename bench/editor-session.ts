/**
 * The set-up every editor bench shares: a build's `npm start` on a fresh PGlite directory, a
 * browser context at 1600×1000 signed up as a new user, and workflows of a bench shape made by
 * API — so each tool measures the page, not its own preparation.
 */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium-flags";
import { editorGraph, type EditorShape } from "./graphs";
import { freshDataDir, startServer, type StartedServer } from "./server-kit";

export interface EditorSession {
  server: StartedServer;
  context: BrowserContext;
  /** A new workflow of `shape` (a fresh one per visit: no draft or kept view carries over); its id. */
  createWorkflow: (shape: EditorShape) => Promise<string>;
  /** Opens a workflow of `shape` once and closes it: scripts cached, the server's first render done. */
  warmUp: (shape: EditorShape) => Promise<void>;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export async function openEditorSession(
  browser: Browser,
  options: { build: string; logFile: string; initScript?: string },
): Promise<EditorSession> {
  const server = await startServer({
    root: options.build,
    database: { kind: "pglite", dataDir: freshDataDir("galaxy-editor") },
    // Nothing runs: no model is called.
    stubUrl: "http://127.0.0.1:9",
    logFile: options.logFile,
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const base = server.base;
  const signUp = await context.request.post(`${base}/api/auth/sign-up`, {
    data: { email: `bench-${Date.now().toString(36)}@example.com`, password: "correct horse battery", name: "Bench" },
    headers: { origin: base },
  });
  if (!signUp.ok()) throw new Error(`sign-up: ${signUp.status()} ${await signUp.text()}`);
  const createWorkflow = async (shape: EditorShape) => {
    const res = await context.request.post(`${base}/api/workflows`, { data: { name: `bench ${shape}`, ...editorGraph(shape) }, headers: { origin: base } });
    if (!res.ok()) throw new Error(`create workflow: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { workflow: { id: string } }).workflow.id;
  };
  const warmUp = async (shape: EditorShape) => {
    const page = await context.newPage();
    await page.goto(`${base}/workflows/${await createWorkflow(shape)}`);
    await page.getByTestId("add-text").waitFor({ timeout: 120_000 });
    await page.close({ runBeforeUnload: false });
  };
  return { server, context, createWorkflow, warmUp };
}
