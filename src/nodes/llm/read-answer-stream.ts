/**
 * One streamed model call through the provider's own client (`model.doStream`, the AI SDK's
 * provider layer: the request, the server-sent events, their validation and the provider's
 * errors), read to its end: each piece of text goes to `onText` as it arrives, and the whole
 * comes back with its finish reason and usage.
 *
 * Why not `streamText`: a node makes one call with one prompt, no tools, no steps and no retries
 * (the engine retries), and `streamText`'s orchestration around that call — the stream stitching,
 * teeing and transforms it builds per call — cost ≈ 2.8 ms of CPU per call on this machine
 * against ≈ 2.4 ms for the provider's call itself (`bench/llm-call.bench.ts`).
 *
 * Failures come the provider's way: an HTTP error rejects the call (`APICallError`), an error in
 * the answer is an `error` part, a connection dropped mid-answer fails the stream; the first one
 * is thrown here as it is, for the caller to classify. An aborted call throws the abort's error.
 */
import "server-only";
import type { FinishReason, LanguageModelUsage } from "ai";
import type { ProviderModel } from "@/server/llm/get-language-model";
type CallOptions = Parameters<ProviderModel["doStream"]>[0];
type StreamPart = Awaited<ReturnType<ProviderModel["doStream"]>>["stream"] extends ReadableStream<infer P> ? P : never;
type ProviderUsage = Extract<StreamPart, { type: "finish" }>["usage"];
/** What the user's message holds: text parts and files (images, as bytes with their media type). */
export type UserContent = Extract<CallOptions["prompt"][number], { role: "user" }>["content"];

export interface AnswerRequest {
  system?: string;
  content: UserContent;
  temperature?: number;
  maxOutputTokens?: number;
  abortSignal?: AbortSignal;
}

export interface StreamedAnswer {
  /** Every text delta, joined: exactly what `onText` was given. */
  text: string;
  finishReason: FinishReason;
  rawFinishReason: string | undefined;
  usage: LanguageModelUsage;
  /** The answer's content type: an empty answer that was not an event stream is unreadable, not empty. */
  contentType: string | undefined;
  /** From the call to the first text, when there was text. */
  firstTextMs: number | undefined;
}

/**
 * @example
 * const answer = await streamAnswer(getLanguageModel("groq", "llama-3.1-8b-instant"), { content: [{ type: "text", text: "hi" }] });
 */
export async function streamAnswer(model: ProviderModel, request: AnswerRequest, onText?: (text: string) => void): Promise<StreamedAnswer> {
  const startedAt = performance.now();
  const prompt: CallOptions["prompt"] = [
    ...(request.system ? [{ role: "system" as const, content: request.system }] : []),
    { role: "user", content: request.content },
  ];
  const { stream, response } = await model.doStream({
    prompt,
    temperature: request.temperature,
    maxOutputTokens: request.maxOutputTokens,
    abortSignal: request.abortSignal,
    includeRawChunks: false,
  });
  let text = "";
  let firstTextMs: number | undefined;
  let finish: Extract<StreamPart, { type: "finish" }> | undefined;
  let failure: { error: unknown } | undefined;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value: part } = await reader.read();
      if (done) break;
      if (part.type === "text-delta") {
        if (part.delta === "") continue;
        firstTextMs ??= Math.round(performance.now() - startedAt);
        text += part.delta;
        onText?.(part.delta);
      } else if (part.type === "error") {
        failure ??= { error: part.error };
      } else if (part.type === "finish") {
        finish = part;
      }
    }
  } catch (error) {
    failure ??= { error };
  } finally {
    reader.releaseLock();
  }
  if (failure) throw failure.error;
  if (!finish) throw new Error("the answer stream ended without a finish");
  return {
    text,
    finishReason: finish.finishReason.unified,
    rawFinishReason: finish.finishReason.raw,
    usage: toLanguageModelUsage(finish.usage),
    contentType: response?.headers?.["content-type"],
    firstTextMs,
  };
}

/** The provider's usage as the AI SDK's calls report it (what `streamText` would have said). */
function toLanguageModelUsage(usage: ProviderUsage): LanguageModelUsage {
  const { inputTokens: input, outputTokens: output } = usage;
  return {
    inputTokens: input.total,
    inputTokenDetails: { noCacheTokens: input.noCache, cacheReadTokens: input.cacheRead, cacheWriteTokens: input.cacheWrite },
    outputTokens: output.total,
    outputTokenDetails: { textTokens: output.text, reasoningTokens: output.reasoning },
    totalTokens: input.total === undefined && output.total === undefined ? undefined : (input.total ?? 0) + (output.total ?? 0),
    raw: usage.raw,
  };
}
