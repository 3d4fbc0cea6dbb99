import type { Edge, Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { checkConnection, typeMismatchReason } from "./connection-rules";

const nodes = [
  { id: "img", type: "uploadImage", position: { x: 0, y: 0 }, data: {} },
  { id: "model", type: "llm", position: { x: 0, y: 0 }, data: {} },
] as Node[];
const edges: Edge[] = [];

describe("connection refusals in plain words", () => {
  it("says what the input takes, what the output gives, and where to drop it instead", () => {
    expect(checkConnection(nodes, edges, { source: "img", sourceHandle: "image", target: "model", targetHandle: "system_prompt" })).toEqual({
      ok: false,
      reason: "System prompt takes text, and this output gives an image. Drop it on an input that takes an image.",
    });
    expect(typeMismatchReason({ type: "video" }, { type: "number", label: "Timestamp" })).toBe(
      "Timestamp takes a number, and this output gives a video. Drop it on an input that takes a video.",
    );
  });

  it("accepts equal types", () => {
    expect(checkConnection(nodes, edges, { source: "img", sourceHandle: "image", target: "model", targetHandle: "images" })).toEqual({ ok: true });
  });
});
