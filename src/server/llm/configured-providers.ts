import "server-only";
import type { LlmProvider } from "@/nodes/llm/definition";
import { env, type Env } from "@/server/env";

/** Which providers can be called with the current configuration (keys and base URLs). */
export function configuredProviders(config: Env = env()): Record<LlmProvider, boolean> {
  return {
    google: Boolean(config.GOOGLE_GENERATIVE_AI_API_KEY),
    groq: Boolean(config.GROQ_API_KEY),
    // Local servers (Ollama, LM Studio) need no key, only an address.
    "openai-compatible": Boolean(config.OPENAI_COMPATIBLE_BASE_URL),
  };
}
