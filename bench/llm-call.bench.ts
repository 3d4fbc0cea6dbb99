/**
 * What one model call costs the process that makes it, apart from any database: the AI SDK's
 * `streamText`, the LLM node's `streamAnswer` (the provider's own `doStream`, without
 * `streamText`'s orchestration) and `generateText` against the LLM stub in a process of
 * its own (`bench/soak-stub.ts`, answering at once), for answers of 1, 25 and 100 streamed
 * chunks (the stub streams one word per chunk; it answers "stub: " + the prompt), and a bare
 * `fetch` of the same streamed answer as the floor of the HTTP alone. Calls one after another;
 * prints the median wall time per call and the process CPU per call.
 *
 *   npx tsx --conditions=react-server bench/llm-call.bench.ts [--calls 200]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, streamText } from "ai";
import { streamAnswer } from "../src/nodes/llm/read-answer-stream";
import { cleanUpOnSignals, median, runMain, startStubProcess } from "./server-kit";

const ROOT = resolve(import.meta.dirname, "..");
const { values: opts } = parseArgs({ options: { calls: { type: "string", default: "200" } } });
const CALLS = Number(opts.calls);
cleanUpOnSignals("llm-call bench");


async function measure(label: string, once: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 20; i++) await once(); // warm-up
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  console.log(
    `  ${label.padEnd(44)} median ${median(times).toFixed(2)} ms/call · CPU ${((used.user + used.system) / 1000 / CALLS).toFixed(2)} ms/call`,
  );
}

async function main() {
  const stub = await startStubProcess({ root: ROOT, delayMs: 0 });
  const provider = createOpenAICompatible({ name: "bench", baseURL: `${stub.url}/v1`, includeUsage: true });
  const model = provider.chatModel("soak");
  console.log(`llm-call bench: ${CALLS} calls each, stub ${stub.url}, ${new Date().toISOString()}`);
  for (const chunks of [1, 25, 100]) {
    // "stub: " + prompt: a prompt of chunks - 1 words streams `chunks` words.
    const prompt = Array.from({ length: chunks - 1 }, (_, i) => `w${i}`).join(" ") || "";
    const messages = [{ role: "user" as const, content: prompt || "x" }];
    await measure(`streamText, ${chunks} chunk(s)`, async () => {
      const result = streamText({ model, messages, maxRetries: 0, onError: () => undefined });
      for await (const part of result.fullStream) if (part.type === "error") throw part.error;
    });
    await measure(`streamAnswer (the node's: provider doStream)`, () =>
      streamAnswer(model, { content: [{ type: "text", text: messages[0].content }] }, () => undefined),
    );
    await measure(`generateText, same answer`, () => generateText({ model, messages, maxRetries: 0 }));
    await measure(`bare fetch of the streamed answer`, async () => {
      const res = await fetch(`${stub.url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "soak", messages, stream: true, stream_options: { include_usage: true } }),
      });
      await res.text();
    });
  }
}

runMain("llm-call bench", main);
