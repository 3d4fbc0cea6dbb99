import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { makeQueryClient, shouldRetry } from "./query-client";

describe("shouldRetry", () => {
  it("never asks again after a refusal (4xx)", () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) expect(shouldRetry(0, new ApiError("no", status, "X"))).toBe(false);
  });

  it("retries a dropped connection or a server error twice", () => {
    const network = new ApiError("cannot reach the server", 0, "NETWORK");
    expect([0, 1, 2].map((n) => shouldRetry(n, network))).toEqual([true, true, false]);
    expect(shouldRetry(0, new ApiError("boom", 503, "HTTP_503"))).toBe(true);
    expect(shouldRetry(1, new TypeError("parse"))).toBe(true);
  });

  it("is the default of every query, with refetch on focus on and no mutation retries", () => {
    const defaults = makeQueryClient().getDefaultOptions();
    expect(defaults.queries?.retry).toBe(shouldRetry);
    expect(defaults.queries?.refetchOnWindowFocus).toBe(true);
    expect(defaults.mutations?.retry).toBe(false);
  });
});
