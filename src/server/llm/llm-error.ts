/**
 * The error an LLM node fails with. The engine retries it when `retryable` is true
 * (waiting `retryAfterMs` when the provider said how long) and shows `message` to the user.
 */
import type { LlmProvider } from "@/nodes/llm/definition";

export interface LlmErrorOptions {
  provider: LlmProvider;
  retryable: boolean;
  /** The HTTP status the provider answered, when it answered. */
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class LlmError extends Error {
  readonly provider: LlmProvider;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, options: LlmErrorOptions) {
    super(message, { cause: options.cause });
    this.name = "LlmError";
    this.provider = options.provider;
    this.retryable = options.retryable;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
