import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.GALAXY_DATA_DIR).toBe("./.data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.GALAXY_WORKER).toBe("inline");
    expect(env.GALAXY_RUN_CONCURRENCY).toBe(16);
    expect(env.clerkEnabled).toBe(false);
    expect(env.transloaditEnabled).toBe(false);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", GROQ_API_KEY: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts the seed's TRIGGER_API_KEY as TRIGGER_SECRET_KEY", () => {
    expect(parseEnv({ TRIGGER_API_KEY: "tr_dev_x" }).TRIGGER_SECRET_KEY).toBe("tr_dev_x");
    expect(parseEnv({ TRIGGER_API_KEY: "a", TRIGGER_SECRET_KEY: "b" }).TRIGGER_SECRET_KEY).toBe("b");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must start with postgres:// or postgresql://"],
    [{ GALAXY_WORKER: "sometimes" }, "GALAXY_WORKER:"],
    [{ GALAXY_RUN_CONCURRENCY: "0" }, "GALAXY_RUN_CONCURRENCY:"],
    [{ GALAXY_NODE_TIMEOUT_MS: "soon" }, "GALAXY_NODE_TIMEOUT_MS:"],
    [{ CLERK_SECRET_KEY: "sk_test" }, "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: Clerk needs both"],
    [{ TRANSLOADIT_SECRET: "s" }, "TRANSLOADIT_AUTH_KEY: Transloadit needs both"],
    [{ GROQ_BASE_URL: "not a url" }, "GROQ_BASE_URL: must be a URL"],
    [{ GALAXY_WORKER: "external" }, "GALAXY_WORKER: external workers need a shared PostgreSQL"],
    [{ GALAXY_DAILY_BUDGET_USD: "0" }, "GALAXY_DAILY_BUDGET_USD: must be more than 0"],
    [{ GALAXY_DAILY_BUDGET_USD: "five" }, "GALAXY_DAILY_BUDGET_USD: must be a number of US dollars"],
    [{ GALAXY_PRICES_FILE: "/no/such/prices.json" }, "GALAXY_PRICES_FILE: cannot read /no/such/prices.json (ENOENT)"],
  ])("rejects %o with one line naming the variable", (source, expected) => {
    try {
      parseEnv(source);
      expect.unreachable("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message.startsWith("Invalid configuration: ")).toBe(true);
      expect(message).toContain(expected);
      expect(message).not.toContain("\n");
    }
  });
});

describe("budget and price settings", () => {
  it("reads the daily budget in dollars and the price file's prices", () => {
    const dir = mkdtempSync(join(tmpdir(), "galaxy-env-"));
    const file = join(dir, "prices.json");
    writeFileSync(file, JSON.stringify({ "groq/llama-3.1-8b-instant": { inputPerMillion: 0.1, outputPerMillion: 0.2 } }));
    const env = parseEnv({ GALAXY_DAILY_BUDGET_USD: "2.50", GALAXY_PRICES_FILE: file });
    expect(env.GALAXY_DAILY_BUDGET_USD).toBe(2.5);
    expect(env.GALAXY_PRICES_FILE).toEqual({ path: file, prices: { "groq/llama-3.1-8b-instant": { inputPerMillion: 0.1, outputPerMillion: 0.2 } } });
    expect(parseEnv({}).GALAXY_PRICES_FILE).toBeUndefined();
    expect(parseEnv({ GALAXY_DAILY_BUDGET_USD: "" }).GALAXY_DAILY_BUDGET_USD).toBeUndefined();
  });
});

describe("proxy trust and run limits", () => {
  it("trusts no proxy and limits no runs by default", () => {
    const env = parseEnv({});
    expect(env.GALAXY_TRUST_PROXY).toEqual({ mode: "off" });
    expect(env.GALAXY_RUN_RATE_LIMIT).toBeUndefined();
  });

  it("reads a hop count, proxy addresses and count/seconds", () => {
    expect(parseEnv({ GALAXY_TRUST_PROXY: "1" }).GALAXY_TRUST_PROXY).toEqual({ mode: "hops", hops: 1 });
    expect(parseEnv({ GALAXY_TRUST_PROXY: "10.0.0.2,fd00::/8" }).GALAXY_TRUST_PROXY).toEqual({ mode: "proxies", proxies: ["10.0.0.2", "fd00::/8"] });
    expect(parseEnv({ GALAXY_RUN_RATE_LIMIT: "120/60" }).GALAXY_RUN_RATE_LIMIT).toEqual({ limit: 120, windowSeconds: 60 });
    expect(parseEnv({ GALAXY_RUN_RATE_LIMIT: "off" }).GALAXY_RUN_RATE_LIMIT).toBeUndefined();
  });

  it.each([
    [{ GALAXY_TRUST_PROXY: "yes please" }, 'GALAXY_TRUST_PROXY: "yes please" is neither a hop count'],
    [{ GALAXY_RUN_RATE_LIMIT: "120" }, "GALAXY_RUN_RATE_LIMIT: must be count/seconds, like 120/60"],
    [{ GALAXY_RUN_RATE_LIMIT: "0/60" }, "GALAXY_RUN_RATE_LIMIT: must be count/seconds"],
  ])("rejects %o naming the variable", (source, expected) => {
    expect(() => parseEnv(source)).toThrow(expected);
  });
});
