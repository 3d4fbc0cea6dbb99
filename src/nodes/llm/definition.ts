import { MAX_TEXT_FIELD_CHARS } from "@/contracts/limits";
import { z } from "zod";
import { defineNode } from "../types";

export const LLM_PROVIDERS = ["google", "groq", "openai-compatible"] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

export const PROVIDER_LABELS: Record<LlmProvider, string> = {
  google: "Gemini",
  groq: "Groq",
  "openai-compatible": "OpenAI-compatible (Ollama, vLLM, LM Studio)",
};

/** Suggested models per provider; any model name the provider accepts may be typed. */
export const SUGGESTED_MODELS: Record<LlmProvider, string[]> = {
  google: ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash"],
  groq: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "meta-llama/llama-4-scout-17b-16e-instruct"],
  "openai-compatible": ["llama3.2", "qwen2.5", "llava"],
};

export const ZLlmData = z.looseObject({
  provider: z.enum(LLM_PROVIDERS).optional(),
  model: z.string().max(200).optional(),
  system_prompt: z.string().max(MAX_TEXT_FIELD_CHARS).optional(),
  user_message: z.string().max(MAX_TEXT_FIELD_CHARS).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
});

export const llmNode = defineNode({
  type: "llm",
  label: "Run Any LLM",
  description: "Send a prompt (and images) to Gemini, Groq or any OpenAI-compatible server.",
  icon: "M12 3l2.2 6.8L21 12l-6.8 2.2L12 21l-2.2-6.8L3 12l6.8-2.2z",
  color: "#8b5cf6",
  sidebar: { section: "AI", order: 1 },
  inputs: {
    system_prompt: { type: "text", label: "System prompt" },
    user_message: { type: "text", label: "User message", required: true },
    images: { type: "image", label: "Images", many: true },
  },
  outputs: { output: { type: "text", label: "Output" } },
  data: ZLlmData,
  resolved: z.object({
    provider: z.enum(LLM_PROVIDERS, { error: "choose a provider" }),
    model: z.string({ error: "choose a model" }).trim().min(1, "choose a model"),
    system_prompt: z.string().optional(),
    user_message: z.string({ error: "user message is required" }).trim().min(1, "user message is required"),
    images: z.array(z.string()).default([]),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).optional(),
  }),
  defaults: { provider: "google", model: "gemini-2.5-flash", system_prompt: "", user_message: "", temperature: 0.7 },
  // A new node starts on a provider this server has configured, when the default (Gemini) is not.
  initialData: ({ providers }) => {
    if (!providers || providers.google) return undefined;
    const provider = LLM_PROVIDERS.find((p) => providers[p]);
    return provider ? { provider, model: SUGGESTED_MODELS[provider][0] } : undefined;
  },
  component: () => import("./component"),
});

/** The seed's `vision` node: an llm with images. Same ports, same view, same executor; not offered in the panel. */
export const visionNode = defineNode({ ...llmNode, type: "vision", label: "Vision (LLM with images)", sidebar: "hidden", folder: "llm" });
