/** Engine errors and the one place that turns any thrown value into a readable line. */

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
