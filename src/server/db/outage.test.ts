import { describe, expect, it } from "vitest";
import { heartbeatsAreTelling, msSinceDatabaseUnavailable, retryWhileUnavailable } from "./outage";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("retryWhileUnavailable", () => {
  it("runs the work again while the database does not answer, and returns its result once it does", async () => {
    let calls = 0;
    const outages: unknown[] = [];
    const result = await retryWhileUnavailable(
      async () => {
        if (++calls < 3) throw refused();
        return "written";
      },
      { toleranceMs: 10_000, onOutage: (error) => outages.push(error) },
    );
    expect(result).toBe("written");
    expect(calls).toBe(3);
    expect(outages).toHaveLength(1); // told once, not per attempt
    expect(msSinceDatabaseUnavailable()).toBeLessThan(5_000);
    expect(heartbeatsAreTelling(30)).toBe(false); // right after an outage, quiet heartbeats prove nothing
  });

  it("throws any other error at once", async () => {
    let calls = 0;
    const failing = retryWhileUnavailable(
      async () => {
        calls++;
        throw Object.assign(new Error("duplicate key"), { code: "23505" });
      },
      { toleranceMs: 10_000 },
    );
    await expect(failing).rejects.toThrow("duplicate key");
    expect(calls).toBe(1);
  });

  it("gives up with the last error once the outage outlasts the tolerance", async () => {
    let calls = 0;
    const failing = retryWhileUnavailable(
      async () => {
        calls++;
        throw refused();
      },
      { toleranceMs: 500 },
    );
    await expect(failing).rejects.toThrow("ECONNREFUSED");
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(6);
  });
});
