/**
 * Reads a `streamText` answer to its end: each piece of text goes to `onText` as it arrives,
 * and the whole comes back with its finish reason and usage. `streamText` reports failures
 * inside the stream — an `error` part (an HTTP error, an error event from the provider), or the
 * stream itself failing (a connection dropped mid-answer) — instead of rejecting; the first
 * one is thrown here as it is, for the caller to classify. A canceled call ends with an
 * `abort` part and throws an AbortError.
 */
import "server-only";
import type { FinishReason, LanguageModelUsage, TextStreamPart, ToolSet } from "ai";

export interface StreamedAnswer {
  /** Every text delta, joined: exactly what `onText` was given. */
  text: string;
  finishReason: FinishReason;
  rawFinishReason: string | undefined;
  usage: LanguageModelUsage;
  /** The answer's content type: an empty answer that was not an event stream is unreadable, not empty. */
  contentType: string | undefined;
  /** From the first read to the first text, when there was text. */
  firstTextMs: number | undefined;
}

/**
 * @example
 * const result = streamText({ model, prompt, maxRetries: 0, onError: () => undefined });
 * const answer = await readAnswerStream(result.fullStream, (text) => process.stdout.write(text));
 */
export async function readAnswerStream(
  parts: AsyncIterable<TextStreamPart<ToolSet>>,
  onText?: (text: string) => void,
): Promise<StreamedAnswer> {
  const startedAt = performance.now();
  let text = "";
  let firstTextMs: number | undefined;
  let contentType: string | undefined;
  let finish: Extract<TextStreamPart<ToolSet>, { type: "finish" }> | undefined;
  let failure: { error: unknown } | undefined;
  try {
    for await (const part of parts) {
      if (part.type === "text-delta") {
        if (part.text === "") continue;
        firstTextMs ??= Math.round(performance.now() - startedAt);
        text += part.text;
        onText?.(part.text);
      } else if (part.type === "error") {
        failure ??= { error: part.error };
      } else if (part.type === "abort") {
        failure ??= { error: new DOMException(part.reason ?? "the call was aborted", "AbortError") };
      } else if (part.type === "finish-step") {
        contentType = part.response.headers?.["content-type"];
      } else if (part.type === "finish") {
        finish = part;
      }
    }
  } catch (error) {
    failure ??= { error };
  }
  if (failure) throw failure.error;
  if (!finish) throw new Error("the answer stream ended without a finish");
  return {
    text,
    finishReason: finish.finishReason,
    rawFinishReason: finish.rawFinishReason,
    usage: finish.totalUsage,
    contentType,
    firstTextMs,
  };
}
