import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "../env";
import { createLogger } from "./create-logger";
import { loggerSettings } from "./logger";

/** A destination that keeps the JSON lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

function levelsLogged(settings: ReturnType<typeof loggerSettings>): unknown[] {
  const { lines, stream } = capture();
  const log = createLogger(settings, stream);
  log.debug("d");
  log.info("i");
  log.warn("w");
  log.error("e");
  return lines.map((line) => line.level);
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("the logger's level", () => {
  it.each([
    ["debug", ["debug", "info", "warn", "error"]],
    ["info", ["info", "warn", "error"]],
    ["warn", ["warn", "error"]],
    ["error", ["error"]],
  ])("LOG_LEVEL=%s logs %o", (level, expected) => {
    resetEnvCache({ LOG_LEVEL: level });
    expect(levelsLogged(loggerSettings())).toEqual(expected);
  });

  it("defaults to info, and to warn under tests", () => {
    resetEnvCache({ LOG_LEVEL: undefined, NODE_ENV: "development" });
    expect(loggerSettings()).toEqual({ level: "info", pretty: true });
    resetEnvCache({ LOG_LEVEL: undefined, NODE_ENV: "test" });
    expect(loggerSettings().level).toBe("warn");
    resetEnvCache({ LOG_LEVEL: undefined, NODE_ENV: "production" });
    expect(loggerSettings()).toEqual({ level: "info", pretty: false });
  });

  it("still honours LOG_LEVEL when another variable is invalid, so start-up can say why it failed", () => {
    vi.stubEnv("GALAXY_WORKER", "sometimes");
    vi.stubEnv("LOG_LEVEL", "error");
    vi.stubEnv("NODE_ENV", "production");
    resetEnvCache();
    expect(loggerSettings()).toEqual({ level: "error", pretty: false });
  });

  it("writes JSON lines with the level's name, an ISO time and an error's stack", () => {
    const { lines, stream } = capture();
    createLogger({ level: "info", pretty: false }, stream).error({ err: new Error("boom") }, "failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "error",
      msg: "failed",
      err: { type: "Error", message: "boom" },
    });
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
    expect((lines[0].err as { stack: string }).stack).toContain("logger.test.ts");
  });
});
