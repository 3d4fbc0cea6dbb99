/**
 * A local stand-in for Trigger.dev's API on 127.0.0.1, speaking the routes and shapes the real
 * SDK (`@trigger.dev/sdk` 4) calls, so Galaxy's Trigger.dev code runs through the real client:
 *   POST /api/v1/tasks/<task>/trigger   trigger a task ({payload, options}) → {id}; an idempotency
 *                                       key seen before answers the same id with isCached: true
 *   GET  /api/v3/runs/<id>              a task run (the fields the SDK's schema requires) or 404
 *   POST /api/v2/runs/<id>/cancel       cancel it → {id}; `onCancel` plays the task hearing its abort
 * It records every request; a test moves its task runs between statuses with `setStatus`.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface TriggerStubRequest {
  method: string;
  path: string;
  authorization?: string;
  body: any;
}

export interface StubTaskRun {
  id: string;
  taskIdentifier: string;
  status: string;
  tags: string[];
  /** The idempotency key as the SDK hashed it, and as the caller wrote it. */
  idempotencyKey?: string;
  key?: string;
  /** The payload as the SDK sent it (superjson text). */
  payload: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export interface TriggerStub {
  url: string;
  requests: TriggerStubRequest[];
  runs: Map<string, StubTaskRun>;
  /** The task run triggered with this idempotency key (as the caller wrote it). */
  runByKey(key: string): StubTaskRun | undefined;
  /** Moves a task run to `status` (as Trigger.dev would), optionally saying when that happened. */
  setStatus(id: string, status: string, updatedAt?: Date): void;
  /** Called with the task run id when a cancel arrives (the task's AbortSignal fires). */
  onCancel(listener: ((id: string) => void) | undefined): void;
  /** Resolves with the first request (already received or to come) that matches. */
  waitFor(predicate: (request: TriggerStubRequest) => boolean, timeoutMs?: number): Promise<TriggerStubRequest>;
  close(): Promise<void>;
}

const FINAL = new Set(["COMPLETED", "CANCELED", "FAILED", "CRASHED", "SYSTEM_FAILURE", "EXPIRED", "TIMED_OUT"]);

export async function startTriggerStub(): Promise<TriggerStub> {
  const requests: TriggerStubRequest[] = [];
  const runs = new Map<string, StubTaskRun>();
  const byKey = new Map<string, string>();
  let cancelListener: ((id: string) => void) | undefined;
  let count = 0;

  const answer = (path: string, method: string, body: any): { status: number; json: unknown } => {
    let match = /^\/api\/v1\/tasks\/([^/]+)\/trigger$/.exec(path);
    if (match && method === "POST") {
      const key: string | undefined = body?.options?.idempotencyKey;
      const existing = key ? byKey.get(key) : undefined;
      if (existing) return { status: 200, json: { id: existing, isCached: true } };
      const now = new Date();
      const run: StubTaskRun = {
        id: `run_stub${++count}`,
        taskIdentifier: decodeURIComponent(match[1]),
        status: "QUEUED",
        tags: body?.options?.tags ?? [],
        idempotencyKey: key,
        key: body?.options?.idempotencyKeyOptions?.key,
        payload: body?.payload,
        createdAt: now,
        updatedAt: now,
      };
      runs.set(run.id, run);
      if (key) byKey.set(key, run.id);
      return { status: 200, json: { id: run.id } };
    }
    match = /^\/api\/v3\/runs\/([^/]+)$/.exec(path);
    if (match && method === "GET") {
      const run = runs.get(match[1]);
      return run ? { status: 200, json: toRetrieveRunBody(run) } : { status: 404, json: { error: "Run not found" } };
    }
    match = /^\/api\/v2\/runs\/([^/]+)\/cancel$/.exec(path);
    if (match && method === "POST") {
      const run = runs.get(match[1]);
      if (!run) return { status: 404, json: { error: "Run not found" } };
      if (!FINAL.has(run.status)) {
        run.status = "CANCELED";
        run.updatedAt = new Date();
        cancelListener?.(run.id);
      }
      return { status: 200, json: { id: run.id } };
    }
    return { status: 404, json: { error: `no route ${method} ${path}` } };
  };

  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: req.method ?? "GET", path, authorization: header(req.headers, "authorization"), body });
      const { status, json } = answer(path, req.method ?? "GET", body);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    runs,
    runByKey: (key) => [...runs.values()].find((run) => run.key === key),
    setStatus(id, status, updatedAt = new Date()) {
      const run = runs.get(id);
      if (!run) throw new Error(`the stub has no task run ${id}`);
      run.status = status;
      run.updatedAt = updatedAt;
    },
    onCancel(listener) {
      cancelListener = listener;
    },
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find(predicate);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching Trigger.dev request within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A task run in the shape of Trigger.dev's `GET /api/v3/runs/{id}` (`RetrieveRunResponse`). */
function toRetrieveRunBody(run: StubTaskRun) {
  const final = FINAL.has(run.status);
  return {
    id: run.id,
    status: run.status,
    taskIdentifier: run.taskIdentifier,
    idempotencyKey: run.idempotencyKey,
    isQueued: ["QUEUED", "PENDING_VERSION", "DELAYED"].includes(run.status),
    isExecuting: ["EXECUTING", "DEQUEUED"].includes(run.status),
    isWaiting: run.status === "WAITING",
    isCompleted: final,
    isSuccess: run.status === "COMPLETED",
    isFailed: final && run.status !== "COMPLETED" && run.status !== "CANCELED",
    isCancelled: run.status === "CANCELED",
    isTest: false,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    tags: run.tags,
    costInCents: 0,
    baseCostInCents: 0,
    durationMs: 0,
    depth: 0,
    triggerFunction: "trigger",
    relatedRuns: {},
    attemptCount: run.status === "QUEUED" ? 0 : 1,
  };
}
