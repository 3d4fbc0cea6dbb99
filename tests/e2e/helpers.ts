/** Shared steps of the editor's e2e tests: accounts, workflows, canvas gestures, the LLM stub. */
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const STUB_URL = `http://127.0.0.1:${process.env.GALAXY_E2E_STUB_PORT ?? 4010}`;

let counter = 0;
export function uniqueEmail(): string {
  return `e2e-${Date.now().toString(36)}-${counter++}@example.com`;
}

/** Checks the suite's session (global-setup.ts) is in place; sign-up is rate limited, so tests share one account. */
export async function ensureSignedIn(page: Page): Promise<void> {
  const res = await page.request.get("/api/auth/me");
  expect(res.ok(), "the suite's session from global-setup.ts").toBeTruthy();
}

export interface WireGraph {
  nodes: { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> }[];
  edges: { id: string; source: string; sourceHandle: string; target: string; targetHandle: string }[];
}

export async function createWorkflowByApi(request: APIRequestContext, name: string, graph: Partial<WireGraph> = {}): Promise<string> {
  const res = await request.post("/api/workflows", { data: { name, nodes: graph.nodes ?? [], edges: graph.edges ?? [] } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ((await res.json()) as { workflow: { id: string } }).workflow.id;
}

export async function getWorkflowByApi(request: APIRequestContext, id: string): Promise<WireGraph & { version: number; name: string }> {
  const res = await request.get(`/api/workflows/${id}`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { workflow: WireGraph & { version: number; name: string } }).workflow;
}

export async function openEditor(page: Page, id: string): Promise<void> {
  await page.goto(`/workflows/${id}`);
  await expect(page.getByTestId("editor")).toBeVisible();
}

/** Clicks a quick-access button and returns the id of the node it added. */
export async function addNode(page: Page, type: string): Promise<string> {
  const nodes = page.locator(`[data-node-type="${type}"]`);
  const before = await nodes.count();
  await page.getByTestId(`add-${type}`).click();
  await expect(nodes).toHaveCount(before + 1);
  const testId = await nodes.nth(before).getAttribute("data-testid");
  return testId!.replace(/^node-/, "");
}

export function node(page: Page, id: string): Locator {
  return page.getByTestId(`node-${id}`);
}

export async function moveNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const header = node(page, id).getByTestId("node-header");
  const box = (await header.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 60 + dx / 2, box.y + 12 + dy / 2, { steps: 5 });
  await page.mouse.move(box.x + 60 + dx, box.y + 12 + dy, { steps: 5 });
  await page.mouse.up();
}

/** Drags a wire from an output handle to an input handle. */
export async function dragConnect(page: Page, from: [string, string], to: [string, string]): Promise<void> {
  const source = node(page, from[0]).getByTestId(`out-${from[1]}`).locator(".react-flow__handle");
  const target = node(page, to[0]).getByTestId(`port-${to[1]}`).locator(".react-flow__handle");
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
}

export interface StubReply {
  text?: string;
  delayMs?: number;
  /** Streams: between one chunk (word) and the next. */
  chunkDelayMs?: number;
  usage?: { promptTokens?: number; outputTokens?: number };
}

export async function setStubReply(reply: StubReply | null): Promise<void> {
  const res = await fetch(`${STUB_URL}/__stub/reply`, { method: "PUT", body: JSON.stringify(reply) });
  expect(res.ok).toBeTruthy();
}

/** Nodes and edges without positions' float noise, sorted, for exact comparisons. */
export function normalize(graph: WireGraph) {
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: n.data })).sort((a, b) => a.id.localeCompare(b.id)),
    edges: graph.edges.map((e) => ({ source: e.source, sourceHandle: e.sourceHandle, target: e.target, targetHandle: e.targetHandle })).sort((a, b) => `${a.source}${a.target}${a.targetHandle}`.localeCompare(`${b.source}${b.target}${b.targetHandle}`)),
  };
}

/** Runs the open workflow with the stub holding every answer, waits for `nodeId` to run, and cancels the run. */
export async function runAndCancel(page: Page, nodeId: string): Promise<void> {
  await setStubReply({ delayMs: 60_000 });
  try {
    await page.getByTestId("run").click();
    await expect(node(page, nodeId)).toHaveAttribute("data-status", "RUNNING");
    await page.getByTestId("cancel-run").click();
    await expect(page.getByTestId("run")).toBeVisible({ timeout: 10_000 });
  } finally {
    await setStubReply(null);
  }
}
