/**
 * The LLM executor streams through the real AI SDK clients, for every provider: each piece of
 * text reaches `ctx.onTextDelta` as it arrives and the output is their concatenation; a stream
 * that breaks mid-answer, or a cancel, fails the call as the engine expects after the text so far.
 */
import { describe, expect, it } from "vitest";
import { isTransientError } from "@/engine/retry";
import { createLlmExecutor } from "@/nodes/llm/create-llm-executor";
import type { LlmProvider } from "@/nodes/llm/definition";
import { LlmError } from "@/server/llm/llm-error";
import { makeContext, memoryImageLoader, stubForThisFile } from "./llm-test-kit";

const NAMES: Record<LlmProvider, string> = {
  google: "Gemini",
  groq: "Groq",
  "openai-compatible": "OpenAI-compatible server",
};
const ANSWER = "The quick brown fox jumps over the lazy dog";

const stub = stubForThisFile();
const execute = createLlmExecutor({ loadImage: memoryImageLoader({}) });

describe.each(["google", "groq", "openai-compatible"] as LlmProvider[])("%s", (provider) => {
  const input = { provider, model: "m", user_message: "tell me", images: [] };

  it("hands each piece of the answer to onTextDelta as it arrives; the output is all of them", async () => {
    stub.setBehavior(() => ({ text: ANSWER, wordsPerChunk: 2, chunkDelayMs: 5 }));
    const { ctx, deltas, log } = makeContext();

    const result = await execute(input, ctx);

    expect(deltas).toEqual(["The quick ", "brown fox ", "jumps over ", "the lazy ", "dog"]);
    expect(result.outputs.output).toBe(deltas.join(""));
    expect(stub.requests[0].stream).toBe(true);
    expect(result.meta).toMatchObject({
      finishReason: "stop",
      usage: { inputTokens: 2, outputTokens: 9, totalTokens: 11 },
    });
    expect(log).toHaveBeenCalledWith(
      "info",
      expect.stringMatching(/answered in \d+ ms \(2 tokens in, 9 out\)/),
      expect.objectContaining({ firstTextMs: expect.any(Number) }),
    );
  });

  it("an error event mid-stream: the text so far went out, then a retryable classified error", async () => {
    stub.setBehavior(() => ({
      text: ANSWER,
      streamError: { afterChunks: 3, status: 503 },
      errorMessage: "overloaded",
    }));
    const { ctx, deltas } = makeContext();

    const error = await execute(input, ctx).catch((e: unknown) => e);

    expect(deltas.join("")).toBe("The quick brown ");
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toBe(
      provider === "google"
        ? "Gemini server error (503): overloaded. The problem is on Gemini's side: run again in a moment."
        : `${NAMES[provider]} stopped mid-answer: overloaded. Run again in a moment.`,
    );
    expect(isTransientError(error)).toBe(true);
  });

  it("an error event saying the request was refused is not retried", async () => {
    stub.setBehavior(() => ({
      text: ANSWER,
      streamError: { afterChunks: 1, status: 400 },
      errorMessage: "flagged",
    }));
    const error = await execute(input, makeContext().ctx).catch((e: unknown) => e);

    expect((error as LlmError).message).toMatch(/: flagged\. Check the node's prompt/);
    expect(isTransientError(error)).toBe(false);
  });

  it("a connection dropped mid-answer is retryable and says so", async () => {
    stub.setBehavior(() => ({ text: ANSWER, streamError: { afterChunks: 2, disconnect: true } }));
    const { ctx, deltas } = makeContext();

    const error = await execute(input, ctx).catch((e: unknown) => e);

    expect(deltas.join("")).toBe("The quick ");
    expect((error as LlmError).message).toBe(
      `the connection to ${NAMES[provider]} dropped mid-answer: other side closed. Run again.`,
    );
    expect(isTransientError(error)).toBe(true);
  });

  it("a cancel mid-stream rejects with the engine's reason at once and hangs up", async () => {
    stub.setBehavior(() => ({ text: ANSWER, chunkDelayMs: 30 }));
    const controller = new AbortController();
    const { ctx, deltas } = makeContext(controller.signal);
    const reason = new Error("canceled");
    ctx.onTextDelta = (text) => {
      deltas.push(text);
      if (deltas.length === 3) controller.abort(reason);
    };

    expect(await execute(input, ctx).catch((e: unknown) => e)).toBe(reason);
    await stub.waitFor((requests) => requests[0].settledAt !== undefined);
    expect(stub.requests[0].aborted).toBe(true);
    expect(deltas).toEqual(["The ", "quick ", "brown "]);
    expect(stub.requests[0].chunks.length).toBeLessThan(ANSWER.split(" ").length);
  });
});
