/**
 * Each provider, through its real AI SDK client, against the stub speaking its real protocol:
 * the system prompt, the user message, the image bytes, temperature and max tokens arrive,
 * and the answer and token usage come back.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { LlmProvider } from "@/nodes/llm/definition";
import { createLlmExecutor, type LoadedImage } from "@/nodes/llm/create-llm-executor";
import { type StubProtocol } from "../helpers/llm-stub-server";
import { KEYS, makeContext, makeImages, memoryImageLoader, stubForThisFile } from "./llm-test-kit";

const stub = stubForThisFile({ apiKeys: KEYS });
let images: Record<string, LoadedImage>;
beforeAll(async () => {
  images = await makeImages();
});

const CASES: { provider: LlmProvider; protocol: StubProtocol; model: string; path: string }[] = [
  {
    provider: "google",
    protocol: "gemini",
    model: "gemini-2.5-flash",
    path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
  },
  {
    provider: "groq",
    protocol: "groq",
    model: "meta-llama/llama-4-scout-17b-16e-instruct",
    path: "/openai/v1/chat/completions",
  },
  {
    provider: "openai-compatible",
    protocol: "openai-compatible",
    model: "llava",
    path: "/v1/chat/completions",
  },
];

describe.each(CASES)("$provider", ({ provider, protocol, model, path }) => {
  it("sends the system prompt, the user message and the image bytes as image parts", async () => {
    const execute = createLlmExecutor({ loadImage: memoryImageLoader(images) });
    const { ctx, log } = makeContext();

    const result = await execute(
      {
        provider,
        model,
        system_prompt: "You write product copy.",
        user_message: "Describe these two images",
        images: ["/api/files/asset_png", "/api/files/asset_jpeg"],
        temperature: 0.3,
        maxTokens: 64,
      },
      ctx,
    );

    expect(stub.calls(path)).toBe(1);
    const request = stub.requests[0];
    expect(request.protocol).toBe(protocol);
    expect(request.model).toBe(model);
    expect(request.systemPrompt).toBe("You write product copy.");
    expect(request.userMessage).toBe("Describe these two images");
    // The bytes arrive as inline data, not as the /api/files URL pasted into the text.
    expect(request.images.map((i) => i.mime)).toEqual(["image/png", "image/jpeg"]);
    expect(request.images[0].bytes.equals(images["/api/files/asset_png"].bytes)).toBe(true);
    expect(request.images[1].bytes.equals(images["/api/files/asset_jpeg"].bytes)).toBe(true);
    expect(JSON.stringify(request.body)).not.toContain("/api/files/");

    expect(result.outputs).toEqual({ output: "stub: Describe these two images" });
    expect(result.meta).toMatchObject({
      provider,
      model,
      finishReason: "stop",
      // Stub usage: words of system + user (4 + 4) plus 258 per image; 5 words out.
      usage: { inputTokens: 8 + 2 * 258, outputTokens: 5, totalTokens: 8 + 2 * 258 + 5 },
    });
    expect(log).toHaveBeenCalledWith(
      "info",
      expect.stringMatching(/answered in \d+ ms \(524 tokens in, 5 out\)/),
      expect.any(Object),
    );
  });

  it("passes temperature and max tokens in the provider's own fields", async () => {
    const execute = createLlmExecutor({ loadImage: memoryImageLoader(images) });
    await execute(
      { provider, model, user_message: "hi", images: [], temperature: 0.3, maxTokens: 64 },
      makeContext().ctx,
    );

    const body = stub.requests[0].body as Record<string, unknown>;
    if (protocol === "gemini") {
      expect(body.generationConfig).toMatchObject({ temperature: 0.3, maxOutputTokens: 64 });
      expect(stub.requests[0].headers["x-goog-api-key"]).toBe(KEYS.gemini);
    } else {
      expect(body).toMatchObject({ model, temperature: 0.3, max_tokens: 64 });
      expect(stub.requests[0].headers.authorization).toBe(`Bearer ${KEYS[protocol]}`);
    }
  });

  it("sends no system prompt when there is none", async () => {
    const execute = createLlmExecutor({ loadImage: memoryImageLoader(images) });
    await execute(
      { provider, model, system_prompt: "  ", user_message: "just this", images: [] },
      makeContext().ctx,
    );

    const body = JSON.stringify(stub.requests[0].body);
    expect(stub.requests[0].systemPrompt).toBe("");
    expect(body).not.toContain("systemInstruction");
    expect(body).not.toContain('"role":"system"');
  });

  it("reports an answer cut off at the token limit", async () => {
    stub.setBehavior(() => ({ text: "one two three four five six" }));
    const execute = createLlmExecutor({ loadImage: memoryImageLoader(images) });
    const { ctx, log } = makeContext();

    const result = await execute({ provider, model, user_message: "count", images: [], maxTokens: 3 }, ctx);

    expect(result.outputs.output).toBe("one two three");
    expect(result.meta).toMatchObject({ finishReason: "length", usage: { outputTokens: 3 } });
    expect(log).toHaveBeenCalledWith("warning", "the answer was cut off at the token limit (3)");
  });
});

describe("images", () => {
  it("fails clearly when an image cannot be read, before calling the model", async () => {
    const execute = createLlmExecutor({ loadImage: memoryImageLoader(images, "someone_else") });
    const run = execute(
      {
        provider: "groq",
        model: "llama-3.1-8b-instant",
        user_message: "hi",
        images: ["/api/files/asset_png"],
      },
      makeContext().ctx,
    );
    await expect(run).rejects.toThrow("could not read the image (/api/files/asset_png): file not found");
    expect(stub.calls()).toBe(0);
  });

  it("refuses a file that is not an image", async () => {
    const execute = createLlmExecutor({
      loadImage: memoryImageLoader({ "/api/files/v": { bytes: Buffer.from("x"), mime: "video/mp4" } }),
    });
    const run = execute(
      { provider: "google", model: "gemini-2.5-flash", user_message: "hi", images: ["/api/files/v"] },
      makeContext().ctx,
    );
    await expect(run).rejects.toThrow("the image (/api/files/v) is video/mp4, not an image");
  });
});
