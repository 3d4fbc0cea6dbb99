/**
 * `npm run worker` as a child process of a test or bench: an external worker on the given
 * PostgreSQL database, its models pointed at the LLM stub. Started with node itself, not the
 * tsx CLI: the CLI runs the script in a grandchild that a SIGKILL of the child would orphan.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface WorkerProcessOptions {
  /** PostgreSQL only: PGlite's data directory belongs to one process. */
  databaseUrl: string | undefined;
  /** The LLM stub's origin (the OpenAI-compatible provider is pointed at it). */
  stubUrl: string;
  /** More variables, or overrides (e.g. a short lease). */
  env?: Record<string, string>;
}

export function spawnWorkerProcess({ databaseUrl, stubUrl, env = {} }: WorkerProcessOptions): ChildProcess {
  if (!databaseUrl) throw new Error("a worker process needs PostgreSQL (TEST_DATABASE_URL)");
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "src/server/jobs/worker-main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GALAXY_WORKER: "external",
      GALAXY_WORKER_POLL_MS: "100",
      OPENAI_COMPATIBLE_BASE_URL: `${stubUrl}/v1`,
      TRIGGER_SECRET_KEY: "",
      TRIGGER_API_KEY: "",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
}
