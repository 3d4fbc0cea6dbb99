/** Cancel and timeout: aborting the node's signal aborts the HTTP request in flight, promptly. */
import { describe, expect, it } from "vitest";
import type { LlmProvider } from "@/nodes/llm/definition";
import { createLlmExecutor } from "@/nodes/llm/create-llm-executor";
import { makeContext, memoryImageLoader, stubForThisFile } from "./llm-test-kit";

// Every answer would take 10 s: only an abort ends these requests early.
const stub = stubForThisFile({ delayMs: 10_000 });
const execute = createLlmExecutor({ loadImage: memoryImageLoader({}) });

describe.each(["google", "groq", "openai-compatible"] as LlmProvider[])("%s", (provider) => {
  it("an aborted signal aborts the request in flight and rejects with the abort reason", async () => {
    const controller = new AbortController();
    const { ctx } = makeContext(controller.signal);
    const run = execute({ provider, model: "m", user_message: "slow", images: [] }, ctx).catch(
      (e: unknown) => e,
    );
    await stub.waitFor((requests) => requests.length === 1);

    const reason = new Error("run canceled");
    const abortedAt = Date.now();
    controller.abort(reason);

    expect(await run).toBe(reason);
    const rejectedAfterMs = Date.now() - abortedAt;
    await stub.waitFor((requests) => requests[0].aborted, 1_000);
    const hungUpAfterMs = (stub.requests[0].settledAt ?? Infinity) - abortedAt;

    expect(rejectedAfterMs).toBeLessThan(500);
    expect(hungUpAfterMs).toBeLessThan(500);
    expect(stub.requests[0].status).toBeUndefined();
  });
});

it("a signal aborted before the call sends nothing", async () => {
  const controller = new AbortController();
  const reason = new Error("timed out after 10 ms");
  controller.abort(reason);

  const result = await execute(
    { provider: "groq", model: "m", user_message: "never", images: [] },
    makeContext(controller.signal).ctx,
  ).catch((e: unknown) => e);

  expect(result).toBe(reason);
  expect(stub.calls()).toBe(0);
});
