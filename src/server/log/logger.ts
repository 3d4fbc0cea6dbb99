/**
 * The process's logger: `logger("runs").child({ runId }).info("…")`, where the name says which
 * part of the server a line comes from (the `module` field). Built on first use from LOG_LEVEL
 * and NODE_ENV, one per process on `globalThis` (Next.js bundles instrumentation and each route
 * separately); tests swap it with `installLogger` to capture lines.
 */
import "server-only";
import { env, parseLogEnv } from "../env";
import { createLogger, type Logger, type LoggerSettings } from "./create-logger";

interface LoggerState {
  root: Logger;
  modules: Map<string, Logger>;
}

const holder = globalThis as unknown as { __galaxyLogger?: LoggerState };

export function logger(module: string): Logger {
  const state = (holder.__galaxyLogger ??= { root: createLogger(loggerSettings()), modules: new Map() });
  let child = state.modules.get(module);
  if (!child) {
    child = state.root.child({ module });
    state.modules.set(module, child);
  }
  return child;
}

/** Tests: every line goes to `root` (see `createLogger`) until the returned function restores the previous logger. */
export function installLogger(root: Logger): () => void {
  const previous = holder.__galaxyLogger;
  holder.__galaxyLogger = { root, modules: new Map() };
  return () => {
    holder.__galaxyLogger = previous;
  };
}

/** From the configuration; when it is invalid, from LOG_LEVEL and NODE_ENV alone (start-up must still say why it failed). */
export function loggerSettings(): LoggerSettings {
  let config: { NODE_ENV: string; LOG_LEVEL: LoggerSettings["level"] };
  try {
    config = env();
  } catch {
    config = parseLogEnv();
  }
  return { level: config.LOG_LEVEL, pretty: config.NODE_ENV !== "production" };
}
