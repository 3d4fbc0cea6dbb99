/**
 * All configuration, read once from the environment and validated with zod.
 * Nothing else in Galaxy reads `process.env`. A bad value stops start-up with one
 * line naming the variable (see `formatEnvError`).
 */
import { DEFAULT_MAX_BODY_BYTES } from "@/contracts/limits";
import { z } from "zod";
import { parseTrustProxy } from "./auth/trusted-proxies";
import { readPricesFile } from "./llm/prices-file";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));
const optionalUrl = optionalString.pipe(z.url({ error: "must be a URL like https://host:port" }).optional());
const int = (def: number, min = 1) => z.coerce.number().int().min(min).default(def);
const ZNodeEnv = z.enum(["development", "production", "test"]).default("development");
const ZLogLevel = z.enum(["debug", "info", "warn", "error"]);
/** A file of model prices that win over the built-in table (`src/server/llm/prices.ts`), read and checked here. */
const ZPricesFile = optionalString.transform((path, ctx) => {
  if (path === undefined) return undefined;
  const read = readPricesFile(path);
  if (read.ok) return { path, prices: read.prices };
  ctx.addIssue({ code: "custom", message: read.message });
  return z.NEVER;
});
const ZUsd = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.coerce
    .number({ error: "must be a number of US dollars, like 5 or 0.50" })
    .positive("must be more than 0")
    .finite("must be a finite number")
    .optional(),
);
/** Whose X-Forwarded-* headers count (`src/server/auth/trusted-proxies.ts`): off, a hop count, or proxy addresses. */
const ZTrustProxy = optionalString.transform((value, ctx) => {
  const parsed = parseTrustProxy(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});
/** `120/60`: at most 120 per 60 seconds; unset or `off`: no limit. */
const ZRateSetting = optionalString.transform((value, ctx) => {
  if (value === undefined || /^(0|off)$/i.test(value)) return undefined;
  const match = /^(\d+)\s*\/\s*(\d+)\s*s?$/.exec(value);
  const limit = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || limit < 1 || windowSeconds < 1 || windowSeconds > 86_400) {
    ctx.addIssue({ code: "custom", message: "must be count/seconds, like 120/60 (at most 120 per 60 s; seconds from 1 to 86400)" });
    return z.NEVER;
  }
  return { limit, windowSeconds };
});
export type TLogLevel = z.output<typeof ZLogLevel>;

export const ZEnv = z
  .object({
    NODE_ENV: ZNodeEnv,
    GALAXY_DATA_DIR: z.string().trim().min(1).default("./.data"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
    /** inline: the web process runs jobs; external: only `npm run worker` processes do; off: nobody (tests). */
    GALAXY_WORKER: z.enum(["inline", "external", "off"]).default("inline"),
    GALAXY_RUN_CONCURRENCY: int(16),
    GALAXY_NODE_TIMEOUT_MS: int(120_000),
    /** Runs one worker process executes at once. */
    GALAXY_WORKER_CONCURRENCY: int(16),
    /** A RUNNING run whose worker has not written for this long is presumed lost and re-delivered. */
    GALAXY_RUN_LEASE_SECONDS: int(30),
    /** How many times a run whose worker died is handed to another worker before it ends FAILED ("worker lost"). */
    GALAXY_RUN_RETRIES: int(2, 0),
    /**
     * How long a run rides out a database that does not answer: its progress is kept in memory and
     * written when the database is back; past this the run fails (its nodes are re-run on retry).
     */
    GALAXY_OUTAGE_TOLERANCE_SECONDS: int(120, 0),
    /**
     * On SIGTERM a worker starts no more nodes and lets the ones in flight (paid model calls) finish
     * and be recorded for this long; then it aborts them. The rest of each run resumes on another worker.
     */
    GALAXY_SHUTDOWN_GRACE_SECONDS: int(20, 0),
    /** How often an idle worker looks for jobs when no wake-up arrives. */
    GALAXY_WORKER_POLL_MS: int(1_000, 50),
    /** Unnamed versions older than this many days are pruned beyond each workflow's newest 100. */
    GALAXY_VERSION_RETENTION_DAYS: int(90, 0),
    GALAXY_MAX_NODES: int(500),
    GALAXY_MAX_EDGES: int(2_000),
    GALAXY_MAX_BODY_BYTES: int(DEFAULT_MAX_BODY_BYTES),
    GALAXY_MAX_IMAGE_BYTES: int(20 * 1_048_576),
    GALAXY_MAX_VIDEO_BYTES: int(500 * 1_048_576),
    /** The public origin (https://galaxy.example.com), used for the CSRF Origin check behind proxies. */
    GALAXY_PUBLIC_URL: optionalUrl,
    /**
     * Off by default: X-Forwarded-For/-Host/-Proto are ignored (any client can send them). `1` (or
     * more): that many proxies in front, each appending to X-Forwarded-For; or the proxies' addresses
     * / CIDR ranges, comma-separated. Decides the client IP of per-IP limits and the origin check.
     */
    GALAXY_TRUST_PROXY: ZTrustProxy,
    /** Runs one API token (or signed-in user) may start per window, e.g. `120/60`; unset: no limit. */
    GALAXY_RUN_RATE_LIMIT: ZRateSetting,
    /** The server log's threshold; unset: info, but warn under tests (NODE_ENV=test) so their output stays readable. */
    LOG_LEVEL: ZLogLevel.optional(),

    CLERK_SECRET_KEY: optionalString,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: optionalString,
    CLERK_JWT_KEY: optionalString,
    /** Comma-separated origins allowed in a Clerk token's `azp` claim. */
    CLERK_AUTHORIZED_PARTIES: optionalString,
    CLERK_API_URL: optionalUrl,

    TRIGGER_SECRET_KEY: optionalString,
    /** The seed's name for TRIGGER_SECRET_KEY. */
    TRIGGER_API_KEY: optionalString,
    TRIGGER_API_URL: optionalUrl,

    TRANSLOADIT_AUTH_KEY: optionalString,
    TRANSLOADIT_SECRET: optionalString,
    TRANSLOADIT_API_URL: optionalUrl,
    /** Optional Template whose last step stores uploads permanently (e.g. /s3/store); without it Transloadit's own upload URL is kept. */
    TRANSLOADIT_TEMPLATE_ID: optionalString,

    GOOGLE_GENERATIVE_AI_API_KEY: optionalString,
    GOOGLE_GENERATIVE_AI_BASE_URL: optionalUrl,
    GROQ_API_KEY: optionalString,
    GROQ_BASE_URL: optionalUrl,
    OPENAI_COMPATIBLE_BASE_URL: optionalUrl,
    OPENAI_COMPATIBLE_API_KEY: optionalString,

    FFMPEG_PATH: optionalString,

    /** JSON prices per million tokens that win over the built-in table (DESIGN §9). */
    GALAXY_PRICES_FILE: ZPricesFile,
    /** Most US dollars one user's model calls may cost per UTC day, across runs and processes. */
    GALAXY_DAILY_BUDGET_USD: ZUsd,
  })
  .superRefine((env, ctx) => {
    const clerkKeys = [env.CLERK_SECRET_KEY, env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY].filter(Boolean).length;
    if (clerkKeys === 1) {
      ctx.addIssue({
        code: "custom",
        path: [env.CLERK_SECRET_KEY ? "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY" : "CLERK_SECRET_KEY"],
        message: "Clerk needs both CLERK_SECRET_KEY and NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
      });
    }
    if (env.GALAXY_WORKER === "external" && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["GALAXY_WORKER"],
        message: "external workers need a shared PostgreSQL: set DATABASE_URL (the embedded database serves one process)",
      });
    }
    if (Boolean(env.TRANSLOADIT_AUTH_KEY) !== Boolean(env.TRANSLOADIT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.TRANSLOADIT_AUTH_KEY ? "TRANSLOADIT_SECRET" : "TRANSLOADIT_AUTH_KEY"],
        message: "Transloadit needs both TRANSLOADIT_AUTH_KEY and TRANSLOADIT_SECRET",
      });
    }
  })
  .transform((env) => ({
    ...env,
    TRIGGER_SECRET_KEY: env.TRIGGER_SECRET_KEY ?? env.TRIGGER_API_KEY,
    LOG_LEVEL: env.LOG_LEVEL ?? defaultLogLevel(env.NODE_ENV),
    clerkEnabled: Boolean(env.CLERK_SECRET_KEY && env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY),
    transloaditEnabled: Boolean(env.TRANSLOADIT_AUTH_KEY && env.TRANSLOADIT_SECRET),
    isProduction: env.NODE_ENV === "production",
  }));

export type Env = z.output<typeof ZEnv>;

export class EnvError extends Error {}

/** One line per bad variable: `Invalid configuration: GALAXY_WORKER: expected one of …`. */
export function formatEnvError(error: z.ZodError): string {
  const parts = error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
  return `Invalid configuration: ${parts.join("; ")}`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) throw new EnvError(formatEnvError(parsed.error));
  return parsed.data;
}

function defaultLogLevel(nodeEnv: z.output<typeof ZNodeEnv>): TLogLevel {
  return nodeEnv === "test" ? "warn" : "info";
}

/**
 * The logger's two settings alone, leniently (a bad value gives the default): used when the
 * configuration as a whole is invalid, so the line saying why start-up failed still prints.
 */
export function parseLogEnv(source: Record<string, string | undefined> = process.env): Pick<Env, "NODE_ENV" | "LOG_LEVEL"> {
  const nodeEnv = ZNodeEnv.catch("development").parse(source.NODE_ENV);
  const level = ZLogLevel.optional().catch(undefined).parse(source.LOG_LEVEL);
  return { NODE_ENV: nodeEnv, LOG_LEVEL: level ?? defaultLogLevel(nodeEnv) };
}

const holder = globalThis as unknown as { __galaxyEnv?: Env };

/** The validated configuration of this process (parsed on first use, then cached). */
export function env(): Env {
  holder.__galaxyEnv ??= parseEnv(process.env);
  return holder.__galaxyEnv;
}

/** Tests only: re-read the environment after changing it. */
export function resetEnvCache(overrides?: Record<string, string | undefined>): void {
  holder.__galaxyEnv = overrides ? parseEnv({ ...process.env, ...overrides }) : undefined;
}
