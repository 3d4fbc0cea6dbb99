/**
 * The ids a log line belongs to, carried through async calls (AsyncLocalStorage) so that
 * services log without passing them: `withLogContext({ reqId }, handler)` and every line
 * logged inside carries `reqId`. One store per process on `globalThis`, because Next.js
 * bundles instrumentation and each route separately.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export interface LogContext {
  /** The API request being answered (see `request-scope.ts`). */
  reqId?: string;
}

const holder = globalThis as unknown as { __galaxyLogContext?: AsyncLocalStorage<LogContext> };
const storage = (holder.__galaxyLogContext ??= new AsyncLocalStorage<LogContext>());

/** Runs `fn` with these ids added to the current ones. */
export function withLogContext<T>(ids: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...ids }, fn);
}

/**
 * Runs `fn` outside any context: for long-lived services (a queue, a listener) started lazily
 * by a request, whose later lines would otherwise carry that request's id forever.
 */
export function withoutLogContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
