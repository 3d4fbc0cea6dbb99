/** The stub's streaming endpoints speak what the real SDK clients read (for later streaming work). */
import { streamText } from "ai";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LlmProvider } from "@/nodes/llm/definition";
import { resetEnvCache } from "@/server/env";
import { getLanguageModel } from "@/server/llm/get-language-model";
import { startLlmStub, type LlmStub } from "../helpers/llm-stub-server";
import { pointEnvAt } from "./llm-test-kit";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub();
  pointEnvAt(stub);
});
afterAll(async () => {
  resetEnvCache();
  await stub.close();
});

it.each(["google", "groq", "openai-compatible"] as LlmProvider[])(
  "%s streams text and usage",
  async (provider) => {
    const result = streamText({
      model: getLanguageModel(provider, "m"),
      prompt: "three little words",
      maxRetries: 0,
    });
    const chunks: string[] = [];
    for await (const chunk of result.textStream) chunks.push(chunk);

    expect(chunks.join("")).toBe("stub: three little words");
    expect(chunks.length).toBeGreaterThan(1);
    expect(await result.usage).toMatchObject({ inputTokens: 3, outputTokens: 4, totalTokens: 7 });
    expect(stub.requests.at(-1)?.stream).toBe(true);
  },
);
