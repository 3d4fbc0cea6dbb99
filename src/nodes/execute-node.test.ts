import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCatalogue } from "@/engine/node-catalogue";
import { isTransientError } from "@/engine/retry";
import { runGraph } from "@/engine/run-graph";
import { node } from "@/engine/test-graph";
import { AppError } from "@/server/http/errors";
import { createExecuteNode } from "./execute-node";
import { defineNode, type NodeDefinition, type ServerNodeCatalogue } from "./types";

const failNode = defineNode({
  type: "fail",
  label: "Fail",
  description: "Throws what the test gives it.",
  icon: "M4 4l16 16",
  color: "#ef4444",
  sidebar: "hidden",
  inputs: {},
  outputs: { out: { type: "text", label: "Out" } },
  data: z.looseObject({}),
  resolved: z.object({}),
  defaults: {},
});

/** An executor that throws `error` on every call, and the calls it got. */
function failing(error: unknown) {
  const calls = { count: 0 };
  const catalogue: ServerNodeCatalogue = {
    ...createCatalogue<NodeDefinition>([failNode]),
    loadServer: async () => ({
      execute: async () => {
        calls.count++;
        throw error;
      },
    }),
  };
  const executeNode = createExecuteNode(catalogue, { userId: "u", runId: "r", log: () => undefined });
  return { calls, executeNode };
}

/** What the engine's retry rule sees of an error thrown by an executor. */
async function thrownThrough(error: unknown): Promise<unknown> {
  const { executeNode } = failing(error);
  return executeNode(node("f", "fail"), {}, new AbortController().signal, 1).then(
    () => {
      throw new Error("the executor did not throw");
    },
    (thrown: unknown) => thrown,
  );
}

describe("errors an executor throws, as the engine's retry rule sees them", () => {
  it("our own AppError is final, whatever HTTP status it maps to", async () => {
    for (const code of ["INTERNAL", "UNAVAILABLE", "RATE_LIMITED"] as const) {
      const error = new AppError(code, `storage said ${code}`);
      expect(error.status, code).toBeGreaterThanOrEqual(429); // a status the rule would read as transient
      const thrown = await thrownThrough(error);
      expect(thrown, code).toBe(error); // the same error: message and stack unchanged
      expect(isTransientError(thrown), code).toBe(false);
    }
  });

  it("an AppError that says retryable: true is retried", async () => {
    const error = Object.assign(new AppError("UNAVAILABLE", "try again"), { retryable: true });
    expect(isTransientError(await thrownThrough(error))).toBe(true);
  });

  it("a provider's 5xx, 429 or dropped connection is still transient", async () => {
    for (const facts of [{ statusCode: 503 }, { status: 429 }, { code: "ECONNRESET" }]) {
      expect(isTransientError(await thrownThrough(Object.assign(new Error("provider"), facts))), JSON.stringify(facts)).toBe(true);
    }
  });

  it("a run makes one attempt of a node whose executor throws an AppError 503", async () => {
    const { calls, executeNode } = failing(new AppError("UNAVAILABLE", "file storage failed"));
    const outcome = await runGraph({ graph: { nodes: [node("f", "fail")], edges: [] }, scope: "FULL", executeNode, retry: { baseDelayMs: 0 } });
    expect(outcome.status).toBe("FAILED");
    expect(calls.count).toBe(1);
  });
});
