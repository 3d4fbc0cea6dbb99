/**
 * Turns whatever the AI SDK threw (or reported inside a stream) into an `LlmError` a user can
 * act on, and marks the transient ones (429, 5xx, network, a connection dropped mid-answer)
 * `retryable` with the provider's `retryAfterMs`.
 * The AI SDK's own retries are off (`maxRetries: 0`): the engine retries, with backoff,
 * so attempts show in the run's logs and cancel stops them.
 */
import { APICallError, AISDKError, RetryError } from "ai";
import type { LlmProvider } from "@/nodes/llm/definition";
import { LlmError } from "./llm-error";
import { retryAfterMsOf } from "./parse-retry-after";
import { PROVIDER_BASE_URL_VARIABLE, PROVIDER_NAMES } from "./provider-names";

export interface LlmCall {
  provider: LlmProvider;
  model: string;
}

const MAX_DETAIL_CHARS = 500;

/** The provider's own words, on one line and not too long (some proxies answer with HTML). */
function detailOf(text: string | undefined): string {
  const line = (text ?? "").replace(/\s+/g, " ").trim();
  return line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS)}…` : line;
}

function withDetail(summary: string, detail: string): string {
  return detail ? `${summary}: ${detail}` : summary;
}

/** `message`, ended as a sentence, then what the person can do about it. */
function withNextStep(message: string, nextStep: string): string {
  return `${/[.!?…]$/.test(message) ? message : `${message}.`} ${nextStep}`;
}

/** Who could not be reached: a local server is "the model server" (Ollama, vLLM, LM Studio, a stub). */
const REACH_NAMES: Record<LlmProvider, string> = { google: "Gemini", groq: "Groq", "openai-compatible": "the model server" };

/** The variable holding each provider's API key, named when a key is refused. */
const KEY_VARIABLES: Record<LlmProvider, string> = {
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
  groq: "GROQ_API_KEY",
  "openai-compatible": "OPENAI_COMPATIBLE_API_KEY",
};

/** The system error code (ECONNREFUSED, ENOTFOUND…) somewhere in the cause chain or its messages. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^(E[A-Z_]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    const named = /\b(E(?:CONNREFUSED|NOTFOUND|AI_AGAIN|TIMEDOUT|CONNRESET|HOSTUNREACH|NETUNREACH))\b/.exec(current.message);
    if (named) return named[1];
    current = current.cause;
  }
  return undefined;
}

/** No answer at all: refused, unknown host, timed out, cut. Plain words, and where to look. */
function unreachableMessage(error: APICallError, call: LlmCall): string {
  const who = REACH_NAMES[call.provider];
  const host = hostOf(error.url);
  const variable = PROVIDER_BASE_URL_VARIABLE[call.provider];
  switch (networkCode(error)) {
    case "ECONNREFUSED":
      return `Could not reach ${who} at ${host} — is it running? (The address comes from ${variable}.)`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Could not reach ${who}: no server named ${host} was found. Check ${variable} and the network.`;
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return `Could not reach ${who} at ${host}: it did not answer in time. Check the network, then run again.`;
    default:
      return withNextStep(withDetail(`Could not reach ${who} at ${host}`, detailOf(innermostMessage(error))), "Check the network, then run again.");
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Gemini answers a wrong key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID, not 401. */
function isGoogleKeyError(error: APICallError): boolean {
  return error.statusCode === 400 && /API_KEY_INVALID|API key not valid/i.test(error.responseBody ?? "");
}

function classifyApiCallError(error: APICallError, call: LlmCall, now: number): LlmError {
  const name = PROVIDER_NAMES[call.provider];
  const status = error.statusCode;
  const detail = detailOf(error.message);
  const base = { provider: call.provider, status, cause: error };

  if (status === undefined) {
    // No answer at all: refused, reset, DNS. The SDK prefixes "Cannot connect to API: ".
    return new LlmError(unreachableMessage(error, call), { ...base, retryable: true });
  }
  if (status < 300 && error.isRetryable) {
    // The answer had begun streaming when the connection dropped (reset, closed): worth another try.
    return new LlmError(withNextStep(withDetail(`the connection to ${name} dropped mid-answer`, detailOf(innermostMessage(error))), "Run again."), {
      ...base,
      retryable: true,
    });
  }
  if (status < 300) {
    // A 2xx whose body was not the provider's shape (a proxy's page, a truncated body).
    return new LlmError(withDetail(`${name} sent an answer that could not be used`, detail), {
      ...base,
      retryable: false,
    });
  }
  if (status === 401 || status === 403 || isGoogleKeyError(error)) {
    return new LlmError(withNextStep(withDetail(`${name} rejected the API key (${status})`, detail), `Check ${KEY_VARIABLES[call.provider]} on the server.`), {
      ...base,
      retryable: false,
    });
  }
  if (status === 404) {
    // A JSON error body means the API answered and the model is unknown; anything else
    // (an HTML page, an empty body) means the base URL points somewhere that is not the API.
    const message =
      error.data !== undefined
        ? withNextStep(withDetail(`model "${call.model}" not found at ${name} (404)`, detail), "Pick another model on the node.")
        : `${name} answered 404 at ${error.url}: check ${PROVIDER_BASE_URL_VARIABLE[call.provider]}`;
    return new LlmError(message, { ...base, retryable: false });
  }
  const retryAfterMs = retryAfterMsOf(error.responseHeaders, error.data, now);
  if (status === 429) {
    return new LlmError(withNextStep(withDetail(`${name} rate limit reached (429)`, detail), "Wait a minute, then run again."), {
      ...base,
      retryable: true,
      retryAfterMs,
    });
  }
  if (status >= 500) {
    return new LlmError(withNextStep(withDetail(`${name} server error (${status})`, detail), `The problem is on ${name}'s side: run again in a moment.`), {
      ...base,
      retryable: true,
      retryAfterMs,
    });
  }
  if (status === 400 || status === 413 || status === 422) {
    return new LlmError(withNextStep(withDetail(`${name} rejected the request (${status})`, detail), "Check the node's prompt, model and settings (max tokens, temperature)."), {
      ...base,
      retryable: false,
    });
  }
  return new LlmError(withDetail(`${name} answered ${status}`, detail), {
    ...base,
    retryable: error.isRetryable,
    retryAfterMs: error.isRetryable ? retryAfterMs : undefined,
  });
}

/** The deepest `cause`'s message: "other side closed" rather than "Failed to process successful response". */
function innermostMessage(error: Error): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : error.message;
}

/** An error object a provider sent inside a stream (OpenAI's `{message, type, code}`): no HTTP status. */
interface StreamedErrorBody {
  message: string;
  type?: unknown;
  code?: unknown;
}

function isStreamedErrorBody(value: unknown): value is StreamedErrorBody {
  return typeof value === "object" && value !== null && !(value instanceof Error) && typeof (value as StreamedErrorBody).message === "string";
}

function classifyStreamedError(body: StreamedErrorBody, call: LlmCall): LlmError {
  const kind = `${String(body.type ?? "")} ${String(body.code ?? "")}`;
  const transient =
    /rate_limit|server_error|overloaded|unavailable|timeout/i.test(kind) || (typeof body.code === "number" && (body.code === 429 || body.code >= 500));
  const summary = withDetail(`${PROVIDER_NAMES[call.provider]} stopped mid-answer`, detailOf(body.message));
  return new LlmError(withNextStep(summary, transient ? "Run again in a moment." : "Check the node's prompt, then run again."), {
    provider: call.provider,
    retryable: transient,
    cause: body,
  });
}

/**
 * @example
 * classifyLlmError(apiCallErrorWith401, { provider: "google", model: "gemini-2.5-flash" }).message;
 * // "Gemini rejected the API key (401): API key not valid."
 */
export function classifyLlmError(error: unknown, call: LlmCall, now: number = Date.now()): LlmError {
  if (error instanceof LlmError) return error;
  // With maxRetries 0 the SDK throws the error itself, but unwrap a RetryError just in case.
  const inner = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(inner)) return classifyApiCallError(inner, call, now);
  if (isStreamedErrorBody(inner)) return classifyStreamedError(inner, call);

  const name = PROVIDER_NAMES[call.provider];
  if (inner instanceof Error && inner.name === "AbortError") {
    return new LlmError(`the ${name} request was aborted`, {
      provider: call.provider,
      retryable: false,
      cause: inner,
    });
  }
  if (AISDKError.isInstance(inner)) {
    // Invalid response data, an unparsable body, no content: the provider answered, but not in its usual shape.
    return new LlmError(
      withDetail(`${name} sent an answer that could not be used`, detailOf(inner.message)),
      {
        provider: call.provider,
        retryable: false,
        cause: inner,
      },
    );
  }
  const message = inner instanceof Error ? inner.message : String(inner);
  return new LlmError(withDetail(`${name} call failed`, detailOf(message)), {
    provider: call.provider,
    retryable: false,
    cause: inner,
  });
}
