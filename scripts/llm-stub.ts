/**
 * The LLM stub server on its own, for e2e tests and benchmarks:
 *   npx tsx scripts/llm-stub.ts --port 4010 [--delay 200] [--chunk-delay 30] [--words-per-chunk 1] [--host 127.0.0.1]
 * `--delay` waits before each answer, `--chunk-delay` between the chunks of a streamed one.
 * Prints the URL and the variables that point Galaxy at it; stops on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { startLlmStub } from "../tests/helpers/llm-stub-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    delay: { type: "string", default: "0" },
    "chunk-delay": { type: "string", default: "0" },
    "words-per-chunk": { type: "string", default: "1" },
  },
});

const port = Number(values.port);
const delayMs = Number(values.delay);
const chunkDelayMs = Number(values["chunk-delay"]);
const wordsPerChunk = Number(values["words-per-chunk"]);
const isDelay = (ms: number) => Number.isFinite(ms) && ms >= 0;
if (
  !Number.isInteger(port) ||
  port < 0 ||
  !isDelay(delayMs) ||
  !isDelay(chunkDelayMs) ||
  !Number.isInteger(wordsPerChunk) ||
  wordsPerChunk < 1
) {
  console.error(
    "usage: tsx scripts/llm-stub.ts [--port 4010] [--delay ms] [--chunk-delay ms] [--words-per-chunk n] [--host 127.0.0.1]",
  );
  process.exit(2);
}

async function main() {
  const stub = await startLlmStub({
    port,
    host: values.host,
    delayMs,
    chunkDelayMs,
    wordsPerChunk,
    maxRecorded: 1_000,
  });
  // The first line is the URL alone, for scripts that read it.
  console.log(stub.url);
  console.log(
    [
      `  GOOGLE_GENERATIVE_AI_BASE_URL=${stub.url}  GROQ_BASE_URL=${stub.url}  OPENAI_COMPATIBLE_BASE_URL=${stub.url}/v1`,
      `  control: GET ${stub.url}/__stub/requests · POST ${stub.url}/__stub/reset · PUT ${stub.url}/__stub/reply`,
    ].join("\n"),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void stub.close().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`llm stub: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
