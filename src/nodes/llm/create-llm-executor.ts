/**
 * The executor of the `llm` node (and its `vision` alias): one streamed call (`streamAnswer`) with the
 * system prompt, the user message and the images as image parts (their bytes, read from
 * storage, never their URLs pasted into the text). The answer streams: each piece of text goes
 * to `ctx.onTextDelta` as it arrives; the output is the whole text. The image loader and the
 * model source are injected so tests reach the real AI SDK clients without a database. Each
 * call is counted by the run's meter (`ctx.meter`: usage, cost from the price table, budgets)
 * before it starts and after it ends; its usage goes to `meta.usage`. Provider
 * plumbing (models, base URLs, error classification) stays in `src/server/llm/`.
 */
import "server-only";
import type { FinishReason } from "ai";
import { estimatePromptTokens } from "@/server/runs/budget-estimate";
import { formatUsd } from "@/server/runs/budget-messages";
import { publicUsage, usageOfCall, type LlmUsageDetails } from "@/server/llm/call-usage";
import { classifyLlmError } from "@/server/llm/classify-llm-error";
import { getLanguageModel, type ProviderModel } from "@/server/llm/get-language-model";
import { LlmError } from "@/server/llm/llm-error";
import { findPrice, type TokenPrice } from "@/server/llm/prices";
import { PROVIDER_NAMES } from "@/server/llm/provider-names";
import type { NodeExecutor, NodeRunContext, NodeRunResult, ResolvedInput } from "../types";
import type { llmNode, LlmProvider } from "./definition";
import { streamAnswer, type StreamedAnswer, type UserContent } from "./read-answer-stream";

export interface LoadedImage {
  bytes: Uint8Array;
  mime: string;
}

/** Reads an image the user owns, by `/api/files/<id>` URL or asset id (see readAssetBytes). */
export type LoadImage = (userId: string, urlOrAssetId: string) => Promise<LoadedImage>;

export interface LlmExecutorDeps {
  loadImage: LoadImage;
  /** Defaults to the providers configured in the environment. */
  getModel?: (provider: LlmProvider, modelId: string) => ProviderModel;
}

/** Token counts, cost and details of a call (`meta.usage`); null where the provider did not say. */
export type LlmUsage = LlmUsageDetails;

/** What the call used, once known: read by the budget wrapper whatever happens after. */
interface Spent {
  usage: LlmUsage | null;
}

type FilePart = Extract<UserContent[number], { type: "file" }>;

async function loadImages(loadImage: LoadImage, ctx: NodeRunContext, urls: string[]): Promise<FilePart[]> {
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
      return { type: "file", data: image.bytes, mediaType: image.mime } satisfies FilePart;
    }),
  );
}

function describeUsage(usage: LlmUsage): string {
  if (usage.inputTokens === null && usage.outputTokens === null) return "(no token usage reported)";
  const cost = usage.costUsd === null ? "cost unknown" : formatUsd(usage.costUsd);
  return `(${usage.inputTokens ?? "?"} tokens in, ${usage.outputTokens ?? "?"} out), ${cost}`;
}

/**
 * @example
 * const execute = createLlmExecutor({ loadImage: readAssetBytes });
 * const { outputs, meta } = await execute({ provider: "groq", model: "llama-3.1-8b-instant", user_message: "hi", images: [] }, ctx);
 */
export function createLlmExecutor(deps: LlmExecutorDeps): NodeExecutor<typeof llmNode> {
  const getModel = deps.getModel ?? getLanguageModel;

  const answer = async (input: ResolvedInput<typeof llmNode>, ctx: NodeRunContext, price: TokenPrice | null, spent: Spent): Promise<NodeRunResult> => {
    const call = { provider: input.provider, model: input.model };
    const name = PROVIDER_NAMES[input.provider];
    // Before reading any image: a missing provider should fail at once.
    const model = getModel(input.provider, input.model);
    const images = await loadImages(deps.loadImage, ctx, input.images);

    const startedAt = performance.now();
    let result: StreamedAnswer;
    try {
      // One call, no retries of its own: the engine retries transient errors with backoff.
      result = await streamAnswer(
        model,
        {
          system: input.system_prompt?.trim() ? input.system_prompt : undefined,
          content: [{ type: "text", text: input.user_message }, ...images],
          temperature: input.temperature,
          maxOutputTokens: input.maxTokens,
          abortSignal: ctx.signal,
        },
        ctx.onTextDelta,
      );
    } catch (error) {
      // Canceled or timed out: surface the engine's own reason, not the fetch abort.
      if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
      throw classifyLlmError(error, call);
    }
    const durationMs = Math.round(performance.now() - startedAt);

    const usage = usageOfCall(result.usage, price);
    spent.usage = usage;
    const finishReason: FinishReason = result.finishReason;
    if (result.text === "" && result.contentType && !/^text\/event-stream\b/i.test(result.contentType)) {
      // A proxy's page or a JSON body where a stream of events was asked for: nothing was read from it.
      throw new LlmError(`${name} sent an answer that could not be used: expected a stream of events, got ${result.contentType}`, {
        provider: input.provider,
        retryable: false,
      });
    }
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
      firstTextMs: result.firstTextMs,
      images: images.length,
      usage,
      finishReason,
    };
    ctx.log("info", `${name} ${input.model} answered in ${durationMs} ms ${describeUsage(usage)}`, facts);
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

  // The run's usage and budgets around each call: counted at its estimate before it starts
  // (which may refuse it), then at what it used, whatever happened after the call.
  return async (input, ctx) => {
    const price = findPrice(input.provider, input.model);
    const reservation = await ctx.meter?.reserve({
      provider: input.provider,
      model: input.model,
      price,
      promptTokens: estimatePromptTokens([input.system_prompt, input.user_message], input.images.length),
      maxOutputTokens: input.maxTokens,
    });
    const spent: Spent = { usage: null };
    try {
      return await answer(input, ctx, price, spent);
    } finally {
      await reservation?.settle(spent.usage && publicUsage(spent.usage));
    }
  };
}
