/**
 * The stub speaks what the real SDK clients read, streamed and not: text in chunks with a
 * delay between them, usage numbers (defaults, or cached and reasoning tokens when asked),
 * streams that break, and a client hanging up mid-stream.
 */
import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import type { LlmProvider } from "@/nodes/llm/definition";
import { getLanguageModel } from "@/server/llm/get-language-model";
import { stubForThisFile } from "./llm-test-kit";

const PROVIDERS: LlmProvider[] = ["google", "groq", "openai-compatible"];

const stub = stubForThisFile();

async function streamAll(provider: LlmProvider, prompt: string, abortSignal?: AbortSignal) {
  const result = streamText({
    model: getLanguageModel(provider, "m"),
    prompt,
    maxRetries: 0,
    abortSignal,
    onError: () => undefined,
  });
  const chunks: string[] = [];
  const errors: unknown[] = [];
  let usage: Awaited<typeof result.totalUsage> | undefined;
  try {
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") chunks.push(part.text);
      if (part.type === "error") errors.push(part.error);
      if (part.type === "finish") usage = part.totalUsage;
    }
  } catch (error) {
    // A connection dropped mid-answer is thrown by the stream rather than sent as an error part.
    errors.push(error);
  }
  return { chunks, errors, usage };
}

describe.each(PROVIDERS)("%s", (provider) => {
  it("streams text word by word, with usage", async () => {
    const { chunks, usage } = await streamAll(provider, "three little words");

    expect(chunks.join("")).toBe("stub: three little words");
    expect(chunks).toHaveLength(4);
    expect(usage).toMatchObject({ inputTokens: 3, outputTokens: 4, totalTokens: 7 });
    expect(stub.requests.at(-1)?.stream).toBe(true);
    expect(stub.requests.at(-1)?.chunks.map((c) => c.text)).toEqual(chunks);
  });

  it("groups words per chunk and waits between chunks", async () => {
    stub.setBehavior(() => ({ text: "a b c d e f g", wordsPerChunk: 3, chunkDelayMs: 20 }));
    const { chunks } = await streamAll(provider, "go");

    expect(chunks).toEqual(["a b c ", "d e f ", "g"]);
    const sent = stub.requests[0].chunks.map((c) => c.at);
    // Timers never fire early (give or take a millisecond of rounding).
    for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(19);
  });

  it("reports the usage it is given, cached and reasoning tokens included, streamed and not", async () => {
    stub.setBehavior(() => ({
      usage: { promptTokens: 120, outputTokens: 30, cachedTokens: 100, reasoningTokens: 12 },
    }));
    const expected = {
      inputTokens: 120,
      outputTokens: 42,
      totalTokens: 162,
      inputTokenDetails: { cacheReadTokens: 100, noCacheTokens: 20 },
      outputTokenDetails: { reasoningTokens: 12, textTokens: 30 },
    };

    const { usage } = await streamAll(provider, "count");
    expect(usage).toMatchObject(expected);
    const answer = await generateText({
      model: getLanguageModel(provider, "m"),
      prompt: "count",
      maxRetries: 0,
    });
    expect(answer.usage).toMatchObject(expected);
    expect(stub.requests.map((r) => r.stream)).toEqual([true, false]);
  });

  it("a stream broken by an error event: the text so far, then the provider's error", async () => {
    stub.setBehavior(() => ({
      text: "one two three four",
      streamError: { afterChunks: 2, status: 503 },
      errorMessage: "overloaded",
    }));
    const { chunks, errors } = await streamAll(provider, "go");

    expect(chunks.join("")).toBe("one two ");
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain("overloaded");
    expect(stub.requests[0]).toMatchObject({ brokeStream: "error-event", aborted: false });
  });

  it("a stream broken by a dropped connection: the text so far, then a network error", async () => {
    stub.setBehavior(() => ({
      text: "one two three four",
      streamError: { afterChunks: 3, disconnect: true },
    }));
    const { chunks, errors } = await streamAll(provider, "go");

    expect(chunks.join("")).toBe("one two three ");
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).cause).toMatchObject({ message: "terminated" });
    expect(stub.requests[0]).toMatchObject({ brokeStream: "disconnect", aborted: false });
  });

  it("stops writing when the client hangs up mid-stream", async () => {
    stub.setBehavior(() => ({ text: "a b c d e f g h i j", chunkDelayMs: 40 }));
    const controller = new AbortController();
    const seen: string[] = [];
    const result = streamText({
      model: getLanguageModel(provider, "m"),
      prompt: "go",
      maxRetries: 0,
      abortSignal: controller.signal,
    });
    for await (const text of result.textStream) {
      seen.push(text);
      if (seen.length === 2) controller.abort();
    }
    await stub.waitFor((requests) => requests[0].settledAt !== undefined);

    expect(stub.requests[0].aborted).toBe(true);
    // One more chunk may have been on its way; never the rest.
    expect(stub.requests[0].chunks.length).toBeLessThanOrEqual(3);
  });
});

it("other processes set chunked replies through PUT /__stub/reply", async () => {
  const put = await fetch(`${stub.url}/__stub/reply`, {
    method: "PUT",
    body: JSON.stringify({ text: "x y z", chunkDelayMs: 5, usage: { outputTokens: 9 } }),
  });
  expect(put.ok).toBe(true);
  const { chunks, usage } = await streamAll("groq", "go");
  expect(chunks).toEqual(["x ", "y ", "z"]);
  expect(usage).toMatchObject({ outputTokens: 9 });
  const listed = (await (await fetch(`${stub.url}/__stub/requests`)).json()) as {
    requests: { chunks: unknown[] }[];
  };
  expect(listed.requests[0].chunks).toHaveLength(3);
});
