import { describe, expect, it } from "vitest";
import type { NodeFinishEvent } from "@/engine";
import { withPartialText } from "./with-partial-text";

const finished = (
  status: NodeFinishEvent["status"],
  extra: Partial<NodeFinishEvent> = {},
): NodeFinishEvent => ({
  nodeId: "llm",
  nodeType: "llm",
  status,
  cached: false,
  completedAt: new Date(0),
  attempts: 1,
  ...extra,
});

describe("withPartialText", () => {
  it("a canceled or failed node keeps the text it streamed, marked partial", () => {
    expect(withPartialText(finished("SKIPPED", { error: "canceled" }), "Once upon")).toMatchObject({
      status: "SKIPPED",
      error: "canceled",
      outputs: { output: "Once upon" },
      meta: { partial: true },
    });
    expect(withPartialText(finished("FAILED", { meta: { provider: "groq" } }), "Once")).toMatchObject({
      outputs: { output: "Once" },
      meta: { provider: "groq", partial: true },
    });
  });

  it("a success keeps its whole answer; a node that streamed nothing is left alone", () => {
    const success = finished("SUCCESS", { outputs: { output: "Once upon a time" } });
    expect(withPartialText(success, "Once upon")).toBe(success);
    const failed = finished("FAILED", { error: "boom" });
    expect(withPartialText(failed, undefined)).toBe(failed);
    expect(withPartialText(failed, "")).toBe(failed);
  });
});
