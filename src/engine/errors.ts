/** Engine errors, the one place that turns any thrown value into a readable line, and which errors are bugs. */

export type EngineErrorCode = "UNKNOWN_TARGET" | "BAD_SCOPE" | "CYCLE" | "TIMEOUT" | "CANCELED";

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/** A node exceeded its time budget; its signal is aborted with this reason. */
export class NodeTimeoutError extends EngineError {
  constructor(readonly timeoutMs: number) {
    super("TIMEOUT", `timed out after ${timeoutMs} ms`);
    this.name = "NodeTimeoutError";
  }
}

/**
 * Stops a whole run without canceling it: thrown by an executor (or given as the reason of
 * `RunGraphOptions.stopSignal`), it means "start nothing more". Nodes not yet started end
 * SKIPPED, attempts in flight run to their end, and the run ends FAILED with `code` (the
 * app's word for why, e.g. a budget). The node whose executor threw it ends SKIPPED with its message.
 *
 * @example
 * throw new RunStopError("BUDGET_EXCEEDED", "budget reached: 1,204 of 1,000 tokens used");
 */
export class RunStopError extends Error {
  /** Recognised by shape too, so an error from another copy of this module still stops the run. */
  readonly stopsRun = true;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RunStopError";
  }
}

export function isRunStopError(error: unknown): error is RunStopError {
  if (error instanceof RunStopError) return true;
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { stopsRun?: unknown; code?: unknown };
  return candidate.stopsRun === true && typeof candidate.code === "string";
}

/** The message a user sees for a thrown value: its message, never a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error || "unknown error";
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
    return error.message;
  }
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** A thrown value's stack, for the server's eyes only (its message when it has no stack). */
export function errorStack(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : errorMessage(error);
}

/**
 * The stack of an error that is a bug rather than a failure someone meant to report, else
 * undefined. A bug: JavaScript's own TypeError, ReferenceError, RangeError or SyntaxError —
 * except undici's `TypeError: fetch failed`, a network failure whose `cause` says why.
 * Everything else a node throws is expected and readable (an input of the wrong kind, a
 * provider's 429, a timeout, a cancel): its message is the whole story, and no stack is kept.
 *
 * @example
 * programmingErrorStack(new TypeError("cannot read properties of undefined")); // "TypeError: cannot read…\n    at …"
 * programmingErrorStack(new Error("the input is a video, not an image"));     // undefined
 */
export function programmingErrorStack(error: unknown): string | undefined {
  const isBug = error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError || error instanceof SyntaxError;
  if (!isBug || (error instanceof TypeError && error.message === "fetch failed")) return undefined;
  return errorStack(error);
}
