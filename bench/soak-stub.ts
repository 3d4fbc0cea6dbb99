/**
 * The LLM stub of `bench/soak.ts`, in a process of its own: the shared stub
 * (`tests/helpers/llm-stub-server.ts`, OpenAI-compatible among others) with a fixed delay before
 * every answer, which also counts the model calls it is answering at once.
 *
 *   node --import tsx bench/soak-stub.ts --port 4011 [--delay 50] [--host 127.0.0.1] [--stats-ms 1000] [--words-per-chunk 1]
 *
 * Streamed answers carry `--words-per-chunk` words per event (1: one event per word, like a model).
 *
 * stdout: first line the URL; then every `--stats-ms` one JSON line
 * `{"calls":N,"inFlight":n,"maxInFlight":m}`: calls so far, calls open now, and the most open at
 * once since the previous line (counted at each call's arrival, so the peak is exact).
 * A call for the model `delay-<ms>` is answered after that many ms instead of `--delay` (so one
 * stub serves instant and slow models at once).
 * Stops on SIGINT/SIGTERM, or when its parent goes away (stdin closes).
 */
import { parseArgs } from "node:util";
import { startLlmStub, type RecordedRequest } from "../tests/helpers/llm-stub-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    delay: { type: "string", default: "50" },
    "stats-ms": { type: "string", default: "1000" },
    "words-per-chunk": { type: "string", default: "1" },
  },
});

const port = Number(values.port);
const delayMs = Number(values.delay);
const statsMs = Number(values["stats-ms"]);
const wordsPerChunk = Number(values["words-per-chunk"]);
if (
  !Number.isInteger(port) ||
  port < 0 ||
  !Number.isFinite(delayMs) ||
  delayMs < 0 ||
  !Number.isInteger(statsMs) ||
  statsMs < 50 ||
  !Number.isInteger(wordsPerChunk) ||
  wordsPerChunk < 1
) {
  console.error(
    "usage: node --import tsx bench/soak-stub.ts [--port 0] [--delay 50] [--host 127.0.0.1] [--stats-ms 1000] [--words-per-chunk 1]",
  );
  process.exit(2);
}

/** Calls whose answer has not been sent (or whose client has not hung up) yet. */
const open = new Set<RecordedRequest>();
let maxInFlight = 0;

function prune(): void {
  for (const record of open) if (record.settledAt !== undefined) open.delete(record);
}

async function main() {
  const stub = await startLlmStub({
    port,
    host: values.host,
    delayMs,
    wordsPerChunk,
    // The records themselves are not read here: keep few.
    maxRecorded: 2_000,
    behavior: (record) => {
      prune();
      open.add(record);
      maxInFlight = Math.max(maxInFlight, open.size);
      const delay = /^delay-(\d{1,6})$/.exec(record.model);
      return delay ? { delayMs: Number(delay[1]) } : undefined; // else the default answer after `delayMs`
    },
  });
  console.log(stub.url);
  const timer = setInterval(() => {
    prune();
    console.log(JSON.stringify({ calls: stub.calls(), inFlight: open.size, maxInFlight }));
    maxInFlight = open.size;
  }, statsMs);
  const stop = () => {
    clearInterval(timer);
    void stub.close().finally(() => process.exit(0));
    // A stuck keep-alive connection must not hold the stub up.
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(`soak stub: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
