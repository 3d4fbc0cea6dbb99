/** Short provider names for messages ("Gemini rejected the API key"), and the variable each needs. */
import type { LlmProvider } from "@/nodes/llm/definition";

export const PROVIDER_NAMES: Record<LlmProvider, string> = {
  google: "Gemini",
  groq: "Groq",
  "openai-compatible": "OpenAI-compatible server",
};

/** The one variable whose absence leaves a provider unconfigured. */
export const PROVIDER_REQUIRED_VARIABLE: Record<LlmProvider, string> = {
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
  groq: "GROQ_API_KEY",
  "openai-compatible": "OPENAI_COMPATIBLE_BASE_URL",
};

/** What a node without a configured provider fails with (also used by the readiness check). */
export function providerNotConfiguredMessage(provider: LlmProvider): string {
  return `no provider configured for ${PROVIDER_NAMES[provider]}: set ${PROVIDER_REQUIRED_VARIABLE[provider]}`;
}

/** The variable that overrides a provider's base URL, named when a base URL looks wrong. */
export const PROVIDER_BASE_URL_VARIABLE: Record<LlmProvider, string> = {
  google: "GOOGLE_GENERATIVE_AI_BASE_URL",
  groq: "GROQ_BASE_URL",
  "openai-compatible": "OPENAI_COMPATIBLE_BASE_URL",
};
