/**
 * Failures through the real AI SDK clients: which are transient (the engine retries them,
 * waiting what the provider asked) and which fail the node at once with a readable message.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isTransientError, retryDelayMs } from "@/engine/retry";
import type { LlmProvider } from "@/nodes/llm/definition";
import { createLlmExecutor } from "@/nodes/llm/create-llm-executor";
import { LlmError } from "@/server/llm/llm-error";
import { startLlmStub } from "../helpers/llm-stub-server";
import { makeContext, memoryImageLoader, pointEnvAt, stubForThisFile } from "./llm-test-kit";

const stub = stubForThisFile();
const execute = createLlmExecutor({ loadImage: memoryImageLoader({}) });

const MODELS: Record<LlmProvider, string> = {
  google: "gemini-2.5-flash",
  groq: "llama-3.3-70b-versatile",
  "openai-compatible": "llama3.2",
};
const NAMES: Record<LlmProvider, string> = {
  google: "Gemini",
  groq: "Groq",
  "openai-compatible": "OpenAI-compatible server",
};

async function failure(provider: LlmProvider, userMessage = "hi"): Promise<LlmError> {
  const error: unknown = await execute(
    { provider, model: MODELS[provider], user_message: userMessage, images: [] },
    makeContext().ctx,
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe.each(Object.keys(MODELS) as LlmProvider[])("%s", (provider) => {
  it("429 with Retry-After is retryable after exactly that wait", async () => {
    stub.setBehavior(() => ({ status: 429, headers: { "retry-after": "2" } }));
    const error = await failure(provider);

    expect(error.retryable).toBe(true);
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(2_000);
    expect(error.message).toMatch(new RegExp(`^${NAMES[provider]} rate limit reached \\(429\\): `));
    // What the engine decides with it.
    expect(isTransientError(error)).toBe(true);
    expect(retryDelayMs(error, 1, DEFAULT_RETRY_POLICY)).toBe(2_000);
    // The SDK's own retries are off: one request, the engine owns the backoff.
    expect(stub.calls()).toBe(1);
  });

  it("500 is retryable", async () => {
    stub.setBehavior(() => ({ status: 500 }));
    const error = await failure(provider);

    expect(error.message).toBe(`${NAMES[provider]} server error (500): Internal server error. The problem is on ${NAMES[provider]}'s side: run again in a moment.`);
    expect(error.retryable).toBe(true);
    expect(isTransientError(error)).toBe(true);
    expect(stub.calls()).toBe(1);
  });

  it("401 fails at once with a message naming the provider", async () => {
    stub.setBehavior(() => ({ status: 401, errorMessage: "Invalid API Key" }));
    const error = await failure(provider);

    expect(error.message).toMatch(new RegExp(`^${NAMES[provider]} rejected the API key \\(401\\): Invalid API Key\\. Check [A-Z_]+_API_KEY on the server\\.$`));
    expect(error.retryable).toBe(false);
    expect(isTransientError(error)).toBe(false);
  });

  it("an unknown model is named", async () => {
    stub.setBehavior(() => ({ status: 404 }));
    const error = await failure(provider);

    expect(error.message).toMatch(
      new RegExp(`^model "${MODELS[provider]}" not found at ${NAMES[provider]} \\(404\\)`),
    );
    expect(error.retryable).toBe(false);
  });

  it("an unreadable answer fails without retry", async () => {
    stub.setBehavior(() => ({ rawBody: "<html>upstream hiccup</html>" }));
    const error = await failure(provider);

    expect(error.message).toMatch(new RegExp(`^${NAMES[provider]} sent an answer that could not be used: `));
    expect(error.retryable).toBe(false);
  });
});

describe("no text", () => {
  it("a prompt Gemini blocks fails with the reason instead of an empty output", async () => {
    stub.setBehavior(() => ({ rawEvents: [JSON.stringify({ promptFeedback: { blockReason: "SAFETY" } })] }));
    const error = await failure("google");

    expect(error.message).toBe("Gemini withheld the answer: content filter (SAFETY)");
    expect(error.retryable).toBe(false);
  });

  it("an answer without candidates fails rather than passing an empty string downstream", async () => {
    stub.setBehavior(() => ({ rawEvents: ["{}"] }));
    const error = await failure("google");

    expect(error.message).toBe("Gemini returned no text (finish reason: other)");
  });
});

describe("configuration", () => {
  it.each([
    [
      "google",
      { GOOGLE_GENERATIVE_AI_API_KEY: "" },
      "no provider configured for Gemini: set GOOGLE_GENERATIVE_AI_API_KEY",
    ],
    ["groq", { GROQ_API_KEY: "" }, "no provider configured for Groq: set GROQ_API_KEY"],
    [
      "openai-compatible",
      { OPENAI_COMPATIBLE_BASE_URL: "" },
      "no provider configured for OpenAI-compatible server: set OPENAI_COMPATIBLE_BASE_URL",
    ],
  ] as const)("%s without configuration fails before any request", async (provider, overrides, message) => {
    pointEnvAt(stub, overrides);
    const error = await failure(provider);

    expect(error.message).toBe(message);
    expect(error.retryable).toBe(false);
    expect(stub.calls()).toBe(0);
  });

  it("a wrong Gemini key (answered 400 API_KEY_INVALID) reads as a key error", async () => {
    const strict = await startLlmStub({ apiKeys: { gemini: "the-right-key" } });
    try {
      pointEnvAt(strict);
      const error = await failure("google");
      expect(error.message).toBe(
        "Gemini rejected the API key (400): API key not valid. Please pass a valid API key. Check GOOGLE_GENERATIVE_AI_API_KEY on the server.",
      );
      expect(error.retryable).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it("an OpenAI-compatible base URL without its /v1 points at the base URL, not the model", async () => {
    pointEnvAt(stub, { OPENAI_COMPATIBLE_BASE_URL: stub.url });
    const error = await failure("openai-compatible");

    expect(error.message).toBe(
      `OpenAI-compatible server answered 404 at ${stub.url}/chat/completions: check OPENAI_COMPATIBLE_BASE_URL`,
    );
  });

  it("a server that is down is retryable and named", async () => {
    const gone = await startLlmStub();
    const address = gone.url;
    await gone.close();
    pointEnvAt(stub, { GROQ_BASE_URL: address });

    const error = await failure("groq");
    expect(error.message).toBe(`Could not reach Groq at ${new URL(address).host} — is it running? (The address comes from GROQ_BASE_URL.)`);
    expect(error.retryable).toBe(true);
    expect(isTransientError(error)).toBe(true);
  });
});

describe("retrying as the engine does", () => {
  it("a 429 then an answer: the second attempt succeeds after the provider's wait", async () => {
    stub.setBehavior((request) =>
      request.callIndex === 1 ? { status: 429, headers: { "retry-after": "0.2" } } : undefined,
    );
    const input = { provider: "groq" as const, model: MODELS.groq, user_message: "again", images: [] };

    const first = await execute(input, makeContext().ctx).catch((e: unknown) => e);
    expect(isTransientError(first)).toBe(true);
    const wait = retryDelayMs(first, 1, DEFAULT_RETRY_POLICY);
    expect(wait).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, wait));
    const second = await execute(input, makeContext().ctx);

    expect(second.outputs.output).toBe("stub: again");
    expect(stub.calls("/openai/v1/chat/completions")).toBe(2);
  });
});
