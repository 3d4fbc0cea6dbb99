import { APICallError, RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { isTransientError, retryDelayMs, DEFAULT_RETRY_POLICY } from "@/engine/retry";
import { classifyLlmError } from "./classify-llm-error";
import { LlmError } from "./llm-error";

const GEMINI = { provider: "google", model: "gemini-2.5-flash" } as const;
const GROQ = { provider: "groq", model: "llama-x" } as const;

function apiError(
  statusCode: number | undefined,
  message: string,
  extra: Partial<ConstructorParameters<typeof APICallError>[0]> = {},
) {
  return new APICallError({
    message,
    url: "http://127.0.0.1:4010/openai/v1/chat/completions",
    requestBodyValues: {},
    statusCode,
    ...extra,
  });
}

describe("classifyLlmError", () => {
  it("names the provider on a rejected key and does not retry", () => {
    const error = classifyLlmError(
      apiError(401, "Invalid API Key", { data: { error: { message: "Invalid API Key" } } }),
      GROQ,
    );
    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).toBe("Groq rejected the API key (401): Invalid API Key. Check GROQ_API_KEY on the server.");
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(401);
    expect(isTransientError(error)).toBe(false);
  });

  it("treats Gemini's 400 API_KEY_INVALID as a key error", () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
      },
    });
    const error = classifyLlmError(
      apiError(400, "API key not valid. Please pass a valid API key.", { responseBody: body }),
      GEMINI,
    );
    expect(error.message).toBe(
      "Gemini rejected the API key (400): API key not valid. Please pass a valid API key. Check GOOGLE_GENERATIVE_AI_API_KEY on the server.",
    );
    expect(error.retryable).toBe(false);
  });

  it("marks 429 retryable with the Retry-After wait, which the engine honours", () => {
    const error = classifyLlmError(
      apiError(429, "Rate limit reached", { responseHeaders: { "retry-after": "3" }, data: {} }),
      GROQ,
    );
    expect(error.message).toBe("Groq rate limit reached (429): Rate limit reached. Wait a minute, then run again.");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(3_000);
    expect(isTransientError(error)).toBe(true);
    expect(retryDelayMs(error, 1, DEFAULT_RETRY_POLICY)).toBe(3_000);
  });

  it("marks 5xx retryable", () => {
    const error = classifyLlmError(apiError(503, "The model is overloaded."), GEMINI);
    expect(error.message).toBe("Gemini server error (503): The model is overloaded. The problem is on Gemini's side: run again in a moment.");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it("says which model was not found when the API answered 404 in JSON", () => {
    const error = classifyLlmError(
      apiError(404, "The model `llama-x` does not exist", { data: { error: {} } }),
      GROQ,
    );
    expect(error.message).toBe('model "llama-x" not found at Groq (404): The model `llama-x` does not exist. Pick another model on the node.');
    expect(error.retryable).toBe(false);
  });

  it("points at the base URL when a 404 is not the API's", () => {
    const error = classifyLlmError(apiError(404, "Not Found"), {
      provider: "openai-compatible",
      model: "llama3.2",
    });
    expect(error.message).toBe(
      "OpenAI-compatible server answered 404 at http://127.0.0.1:4010/openai/v1/chat/completions: check OPENAI_COMPATIBLE_BASE_URL",
    );
  });

  it("does not retry a rejected request", () => {
    const error = classifyLlmError(apiError(400, "max_tokens must be at most 8192", { data: {} }), GROQ);
    expect(error.message).toBe("Groq rejected the request (400): max_tokens must be at most 8192. Check the node's prompt, model and settings (max tokens, temperature).");
    expect(error.retryable).toBe(false);
  });

  it("marks a connection failure retryable and says where it tried", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4010"), { code: "ECONNREFUSED" });
    const error = classifyLlmError(
      apiError(undefined, "Cannot connect to API: connect ECONNREFUSED 127.0.0.1:4010", {
        cause,
        isRetryable: true,
      }),
      GROQ,
    );
    expect(error.message).toBe("Could not reach Groq at 127.0.0.1:4010 — is it running? (The address comes from GROQ_BASE_URL.)");
    expect(error.retryable).toBe(true);
  });

  it("says in plain words why a server could not be reached, and what to check", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4010"), { code: "ECONNREFUSED" });
    const local = { provider: "openai-compatible", model: "llama3.2" } as const;
    expect(classifyLlmError(apiError(undefined, "Cannot connect to API: fetch failed", { cause: new TypeError("fetch failed", { cause: refused }) }), local).message).toBe(
      "Could not reach the model server at 127.0.0.1:4010 — is it running? (The address comes from OPENAI_COMPATIBLE_BASE_URL.)",
    );
    const unknownHost = Object.assign(new Error("getaddrinfo ENOTFOUND llm.internal"), { code: "ENOTFOUND" });
    expect(classifyLlmError(apiError(undefined, "Cannot connect to API", { cause: unknownHost, url: "http://llm.internal/v1" }), local).message).toBe(
      "Could not reach the model server: no server named llm.internal was found. Check OPENAI_COMPATIBLE_BASE_URL and the network.",
    );
    const timedOut = Object.assign(new Error("Connect Timeout Error"), { code: "UND_ERR_CONNECT_TIMEOUT" });
    expect(classifyLlmError(apiError(undefined, "Cannot connect to API", { cause: timedOut }), GROQ).message).toBe(
      "Could not reach Groq at 127.0.0.1:4010: it did not answer in time. Check the network, then run again.",
    );
  });

  it("unwraps a RetryError", () => {
    const last = apiError(500, "boom");
    const error = classifyLlmError(
      new RetryError({ message: "failed", reason: "maxRetriesExceeded", errors: [last] }),
      GROQ,
    );
    expect(error.message).toBe("Groq server error (500): boom. The problem is on Groq's side: run again in a moment.");
  });

  it("keeps long provider messages on one short line", () => {
    const error = classifyLlmError(apiError(502, `<html>\n${"x".repeat(2_000)}</html>`), GROQ);
    expect(error.message.length).toBeLessThan(640);
    expect(error.message).not.toContain("\n");
  });

  it("passes an LlmError through untouched", () => {
    const original = new LlmError("no provider configured for Groq: set GROQ_API_KEY", {
      provider: "groq",
      retryable: false,
    });
    expect(classifyLlmError(original, GROQ)).toBe(original);
  });

  it("a connection dropped mid-answer (a 200 whose stream broke) is retryable and says why", () => {
    const closed = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const terminated = new TypeError("terminated", { cause: closed });
    const error = classifyLlmError(
      apiError(200, "Failed to process successful response", { cause: terminated, isRetryable: true }),
      GROQ,
    );
    expect(error.message).toBe("the connection to Groq dropped mid-answer: other side closed. Run again.");
    expect(error.retryable).toBe(true);
    expect(isTransientError(error)).toBe(true);
  });

  it("an error object a provider sent inside its stream: retryable when it says overload or server error", () => {
    const overloaded = classifyLlmError({ message: "Service overloaded", type: "internal_server_error", code: null }, GROQ);
    expect(overloaded.message).toBe("Groq stopped mid-answer: Service overloaded. Run again in a moment.");
    expect(overloaded.retryable).toBe(true);
    const refused = classifyLlmError({ message: "content policy", type: "invalid_request_error" }, GROQ);
    expect(refused.message).toBe("Groq stopped mid-answer: content policy. Check the node's prompt, then run again.");
    expect(refused.retryable).toBe(false);
  });

  it("wraps anything else without retrying", () => {
    const error = classifyLlmError(new Error("weird"), GEMINI);
    expect(error.message).toBe("Gemini call failed: weird");
    expect(error.retryable).toBe(false);
  });
});
