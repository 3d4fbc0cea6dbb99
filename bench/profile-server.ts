/**
 * A CPU profile of the production server under a steady load of one graph: starts `npm start`
 * (a build in `--build`, default this checkout) with `node --cpu-prof`, sends `--clients` closed-loop
 * clients of `--graph` (see bench/graphs.ts) with `wait: true` for `--seconds`, stops the server
 * (the profile is written as it exits) and prints where the server's CPU went, by self time,
 * grouped by package (node_modules) or source file, then the top functions.
 *
 *   npx tsx --conditions=react-server bench/profile-server.ts --db pglite --graph chain:9 --clients 4 --seconds 15 [--words-per-chunk 1]
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { summarizeCpuProfile } from "./cpu-profile-summary";
import { buildGraph } from "./graphs";
import {
  cleanUpOnSignals,
  freshDataDir,
  freshDatabase,
  runAndWait,
  runMain,
  signUp,
  startServer,
  startStubProcess,
  stopGroup,
} from "./server-kit";

const ROOT = resolve(import.meta.dirname, "..");
const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    build: { type: "string", default: "." },
    graph: { type: "string", default: "chain:9" },
    clients: { type: "string", default: "4" },
    seconds: { type: "string", default: "15" },
    top: { type: "string", default: "40" },
    "words-per-chunk": { type: "string", default: "1" },
  },
});

cleanUpOnSignals("profile");

async function main() {
  const profileDir = mkdtempSync(join(tmpdir(), "galaxy-cpuprof-"));
  const stub = await startStubProcess({ root: ROOT, delayMs: 0, args: ["--words-per-chunk", opts["words-per-chunk"]] });
  const server = await startServer({
    root: resolve(opts.build),
    database:
      opts.db === "postgres"
        ? { kind: "postgres", url: (await freshDatabase("galaxy_profile")).url }
        : { kind: "pglite", dataDir: freshDataDir("galaxy-profile") },
    stubUrl: stub.url,
    logFile: join(profileDir, "server.log"),
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
  });
  const authorization = await signUp(server.base);
  const { graph } = buildGraph(opts.graph);
  const send = () => runAndWait(server.base, authorization, graph);
  for (let i = 0; i < 5; i++) await send();
  const end = performance.now() + Number(opts.seconds) * 1000;
  let runs = 0;
  await Promise.all(
    Array.from({ length: Number(opts.clients) }, async () => {
      while (performance.now() < end) {
        await send();
        runs++;
      }
    }),
  );
  console.log(`${runs} runs of ${opts.graph} in ${opts.seconds} s (${(runs / Number(opts.seconds)).toFixed(1)} runs/s), ${opts.clients} clients`);
  await stopGroup(server.group, 30_000);
  const profiles = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
  const biggest = profiles
    .map((f) => ({ f, size: readFileSync(join(profileDir, f)).length }))
    .sort((a, b) => b.size - a.size)[0];
  if (!biggest) throw new Error(`no profile written in ${profileDir}`);
  summarizeCpuProfile(join(profileDir, biggest.f), Number(opts.top));
}

runMain("profile", main);
