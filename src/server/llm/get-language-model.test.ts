import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { configuredProviders } from "./configured-providers";
import { getLanguageModel } from "./get-language-model";
import { LlmError } from "./llm-error";

const NONE = parseEnv({});
const ALL = parseEnv({
  GOOGLE_GENERATIVE_AI_API_KEY: "g",
  GROQ_API_KEY: "q",
  OPENAI_COMPATIBLE_BASE_URL: "http://localhost:11434/v1",
});

describe("configuredProviders", () => {
  it("needs a key for Gemini and Groq, only an address for an OpenAI-compatible server", () => {
    expect(configuredProviders(NONE)).toEqual({ google: false, groq: false, "openai-compatible": false });
    expect(configuredProviders(ALL)).toEqual({ google: true, groq: true, "openai-compatible": true });
    expect(configuredProviders(parseEnv({ GROQ_API_KEY: "  " })).groq).toBe(false);
  });
});

describe("getLanguageModel", () => {
  it.each([
    ["google", "no provider configured for Gemini: set GOOGLE_GENERATIVE_AI_API_KEY"],
    ["groq", "no provider configured for Groq: set GROQ_API_KEY"],
    [
      "openai-compatible",
      "no provider configured for OpenAI-compatible server: set OPENAI_COMPATIBLE_BASE_URL",
    ],
  ] as const)("refuses %s when it is not configured", (provider, message) => {
    expect(() => getLanguageModel(provider, "m", NONE)).toThrow(message);
    try {
      getLanguageModel(provider, "m", NONE);
    } catch (error) {
      expect(error).toBeInstanceOf(LlmError);
      expect(error).toMatchObject({ retryable: false });
    }
  });

  it.each([
    ["google", "gemini-2.5-flash", "google.generative-ai"],
    ["groq", "llama-3.3-70b-versatile", "groq.chat"],
    ["openai-compatible", "llama3.2", "openai-compatible.chat"],
  ] as const)("builds a %s model", (provider, modelId, providerId) => {
    const model = getLanguageModel(provider, modelId, ALL);
    if (typeof model === "string") throw new Error("expected a model object");
    expect(model.modelId).toBe(modelId);
    expect(model.provider).toBe(providerId);
  });
});
