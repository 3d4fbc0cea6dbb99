/**
 * The AI SDK model for a provider and model id, built from the validated configuration.
 * Provider clients are cached per configuration object (resetEnvCache makes a new one).
 */
import "server-only";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createGroq } from "@ai-sdk/groq";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { LlmProvider } from "@/nodes/llm/definition";
import { env, type Env } from "@/server/env";
import { configuredProviders } from "./configured-providers";
import { LlmError } from "./llm-error";
import { googleBaseUrl, groqBaseUrl, openAiCompatibleBaseUrl } from "./provider-base-url";
import { providerNotConfiguredMessage } from "./provider-names";

/** A provider's model object (what `createGroq()(id)` and the other providers return): its `doStream` is the call. */
export type ProviderModel = Extract<LanguageModel, { specificationVersion: "v3" }>;

type ModelFactory = (modelId: string) => ProviderModel;

function createFactory(provider: LlmProvider, config: Env): ModelFactory {
  switch (provider) {
    case "google": {
      const google = createGoogleGenerativeAI({
        apiKey: config.GOOGLE_GENERATIVE_AI_API_KEY,
        baseURL: googleBaseUrl(config.GOOGLE_GENERATIVE_AI_BASE_URL),
      });
      return (modelId) => google(modelId);
    }
    case "groq": {
      const groq = createGroq({ apiKey: config.GROQ_API_KEY, baseURL: groqBaseUrl(config.GROQ_BASE_URL) });
      return (modelId) => groq(modelId);
    }
    case "openai-compatible": {
      const compatible = createOpenAICompatible({
        name: "openai-compatible",
        // configuredProviders() guarantees the base URL before we get here.
        baseURL: openAiCompatibleBaseUrl(config.OPENAI_COMPATIBLE_BASE_URL ?? ""),
        apiKey: config.OPENAI_COMPATIBLE_API_KEY,
        includeUsage: true,
      });
      return (modelId) => compatible.chatModel(modelId);
    }
  }
}

const factories = new WeakMap<Env, Map<LlmProvider, ModelFactory>>();

/**
 * @example
 * const model = getLanguageModel("groq", "llama-3.3-70b-versatile");
 * await generateText({ model, prompt: "hi", maxRetries: 0 });
 * @throws LlmError `no provider configured for Gemini: set GOOGLE_GENERATIVE_AI_API_KEY`
 */
export function getLanguageModel(provider: LlmProvider, modelId: string, config: Env = env()): ProviderModel {
  if (!configuredProviders(config)[provider]) {
    throw new LlmError(providerNotConfiguredMessage(provider), { provider, retryable: false });
  }
  let byProvider = factories.get(config);
  if (!byProvider) {
    byProvider = new Map();
    factories.set(config, byProvider);
  }
  let factory = byProvider.get(provider);
  if (!factory) {
    factory = createFactory(provider, config);
    byProvider.set(provider, factory);
  }
  return factory(modelId);
}
