/**
 * The executor of the `llm` node (and its `vision` alias): one `generateText` call with
 * the system prompt, the user message and the images as image parts (their bytes, read
 * from storage, never their URLs pasted into the text). The image loader and the model
 * source are injected so tests reach the real AI SDK clients without a database; provider
 * plumbing (models, base URLs, error classification) stays in `src/server/llm/`.
 */
import "server-only";
import { generateText, type FinishReason, type ImagePart, type LanguageModel, type TextPart } from "ai";
import { classifyLlmError } from "@/server/llm/classify-llm-error";
import { getLanguageModel } from "@/server/llm/get-language-model";
import { LlmError } from "@/server/llm/llm-error";
import { PROVIDER_NAMES } from "@/server/llm/provider-names";
import type { NodeExecutor, NodeRunContext } from "../types";
import type { llmNode, LlmProvider } from "./definition";

export interface LoadedImage {
  bytes: Uint8Array;
  mime: string;
}

/** Reads an image the user owns, by `/api/files/<id>` URL or asset id (see readAssetBytes). */
export type LoadImage = (userId: string, urlOrAssetId: string) => Promise<LoadedImage>;

export interface LlmExecutorDeps {
  loadImage: LoadImage;
  /** Defaults to the providers configured in the environment. */
  getModel?: (provider: LlmProvider, modelId: string) => LanguageModel;
}

export interface LlmUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
}

async function loadImages(loadImage: LoadImage, ctx: NodeRunContext, urls: string[]): Promise<ImagePart[]> {
  return Promise.all(
    urls.map(async (url, index) => {
      const which = urls.length > 1 ? `image ${index + 1} of ${urls.length}` : "the image";
      let image: LoadedImage;
      try {
        image = await loadImage(ctx.userId, url);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`could not read ${which} (${url}): ${reason}`, { cause: error });
      }
      if (!image.mime.startsWith("image/")) {
        throw new Error(`${which} (${url}) is ${image.mime}, not an image`);
      }
      return { type: "image", image: image.bytes, mediaType: image.mime } satisfies ImagePart;
    }),
  );
}

function describeUsage(usage: LlmUsage): string {
  return usage.inputTokens === null && usage.outputTokens === null
    ? "no token usage reported"
    : `${usage.inputTokens ?? "?"} tokens in, ${usage.outputTokens ?? "?"} out`;
}

/**
 * @example
 * const execute = createLlmExecutor({ loadImage: readAssetBytes });
 * const { outputs, meta } = await execute({ provider: "groq", model: "llama-3.1-8b-instant", user_message: "hi", images: [] }, ctx);
 */
export function createLlmExecutor(deps: LlmExecutorDeps): NodeExecutor<typeof llmNode> {
  const getModel = deps.getModel ?? getLanguageModel;

  return async (input, ctx) => {
    const call = { provider: input.provider, model: input.model };
    const name = PROVIDER_NAMES[input.provider];
    // Before reading any image: a missing provider should fail at once.
    const model = getModel(input.provider, input.model);
    const images = await loadImages(deps.loadImage, ctx, input.images);
    const text: TextPart = { type: "text", text: input.user_message };

    const startedAt = performance.now();
    let result: Awaited<ReturnType<typeof generateText>>;
    try {
      result = await generateText({
        model,
        system: input.system_prompt?.trim() ? input.system_prompt : undefined,
        messages: [{ role: "user", content: [text, ...images] }],
        temperature: input.temperature,
        maxOutputTokens: input.maxTokens,
        // The engine retries transient errors with backoff; two retry loops would multiply the wait.
        maxRetries: 0,
        abortSignal: ctx.signal,
      });
    } catch (error) {
      // Canceled or timed out: surface the engine's own reason, not the fetch abort.
      if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
      throw classifyLlmError(error, call);
    }
    const durationMs = Math.round(performance.now() - startedAt);

    const usage: LlmUsage = {
      inputTokens: result.usage.inputTokens ?? null,
      outputTokens: result.usage.outputTokens ?? null,
      totalTokens: result.usage.totalTokens ?? null,
    };
    const finishReason: FinishReason = result.finishReason;
    if (result.text === "" && finishReason !== "stop" && finishReason !== "length") {
      // An empty output would flow downstream as if it were an answer; say why there is none.
      const why = result.rawFinishReason ? ` (${result.rawFinishReason})` : "";
      const message =
        finishReason === "content-filter"
          ? `${name} withheld the answer: content filter${why}`
          : `${name} returned no text (finish reason: ${finishReason}${why})`;
      throw new LlmError(message, { provider: input.provider, retryable: false });
    }

    const facts = {
      provider: input.provider,
      model: input.model,
      durationMs,
      images: images.length,
      usage,
      finishReason,
    };
    ctx.log("info", `${name} ${input.model} answered in ${durationMs} ms (${describeUsage(usage)})`, facts);
    if (finishReason === "length") {
      ctx.log(
        "warning",
        `the answer was cut off at the token limit${input.maxTokens ? ` (${input.maxTokens})` : ""}`,
      );
    }

    return {
      outputs: { output: result.text },
      meta: { provider: input.provider, model: input.model, usage, finishReason, durationMs },
    };
  };
}
