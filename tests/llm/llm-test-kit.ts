/**
 * Shared set-up of the LLM integration tests: a stub server, the environment pointing
 * every provider at it, an in-memory image loader and a node context that records logs.
 */
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import type { NodeRunContext } from "@/nodes/types";
import { resetEnvCache } from "@/server/env";
import type { LoadImage, LoadedImage } from "@/nodes/llm/create-llm-executor";
import { startLlmStub, type LlmStub, type LlmStubOptions } from "../helpers/llm-stub-server";

export const KEYS = {
  gemini: "test-google-key",
  groq: "test-groq-key",
  "openai-compatible": "test-compatible-key",
};

/** Every provider configured and pointed at the stub (Google and Groq by bare origin, as users paste it). */
export function pointEnvAt(stub: LlmStub, overrides: Record<string, string | undefined> = {}): void {
  resetEnvCache({
    GOOGLE_GENERATIVE_AI_API_KEY: KEYS.gemini,
    GOOGLE_GENERATIVE_AI_BASE_URL: stub.url,
    GROQ_API_KEY: KEYS.groq,
    GROQ_BASE_URL: stub.url,
    OPENAI_COMPATIBLE_BASE_URL: `${stub.url}/v1`,
    OPENAI_COMPATIBLE_API_KEY: KEYS["openai-compatible"],
    ...overrides,
  });
}

/**
 * A stub for the whole file (started before all, closed after), reset and pointed at by every
 * provider before each test. The stub exists only once `beforeAll` ran, so this hands out a
 * stand-in that forwards to it.
 */
export function stubForThisFile(options?: LlmStubOptions): LlmStub {
  let started: LlmStub | undefined;
  beforeAll(async () => {
    started = await startLlmStub(options);
  });
  afterAll(async () => {
    resetEnvCache();
    await started?.close();
  });
  beforeEach(() => {
    live().reset();
    pointEnvAt(live());
  });
  function live(): LlmStub {
    if (!started) throw new Error("the LLM stub is used before beforeAll started it");
    return started;
  }
  return new Proxy({} as LlmStub, {
    get: (_, key) => {
      const value: unknown = Reflect.get(live(), key);
      return typeof value === "function" ? value.bind(live()) : value;
    },
  });
}

export async function makeImages(): Promise<Record<string, LoadedImage>> {
  const png = await sharp({ create: { width: 3, height: 2, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#0000ff" } })
    .jpeg()
    .toBuffer();
  return {
    "/api/files/asset_png": { bytes: png, mime: "image/png" },
    "/api/files/asset_jpeg": { bytes: jpeg, mime: "image/jpeg" },
  };
}

/** Stands in for readAssetBytes: owner-checked lookups in a map. */
export function memoryImageLoader(images: Record<string, LoadedImage>, owner = "user_1"): LoadImage {
  return async (userId, url) => {
    const image = images[url];
    if (!image || userId !== owner) throw new Error("file not found");
    return image;
  };
}

/** A node context whose log lines and streamed text are recorded (`deltas`, in order). */
export function makeContext(signal: AbortSignal = new AbortController().signal) {
  const log = vi.fn<NodeRunContext["log"]>();
  const deltas: string[] = [];
  const ctx: NodeRunContext = { userId: "user_1", runId: "run_1", nodeId: "llm_1", attempt: 1, signal, log, onTextDelta: (text) => void deltas.push(text) };
  return { ctx, log, deltas };
}
