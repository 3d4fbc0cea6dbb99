import type { Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { minimapColor, withLayers } from "./with-layers";

const frame: Node = { id: "f", type: "frame", position: { x: 0, y: 0 }, data: { title: "t", color: "green" } };
const text: Node = { id: "t", type: "text", position: { x: 0, y: 0 }, data: {} };

describe("layers", () => {
  it("draws a frame below every node, the same copy while the node is the same", () => {
    const [drawnFrame, drawnText] = withLayers([frame, text]);
    expect(drawnFrame.zIndex).toBe(-1001);
    expect(drawnText).toBe(text);
    expect(withLayers([frame])[0]).toBe(drawnFrame);
  });

  it("gives the minimap a frame's own colour, faint, and a note's own colour", () => {
    expect(minimapColor(frame)).toBe("#4ade8030");
    expect(minimapColor({ type: "note", data: { color: "#123456" } })).toBe("#123456");
    expect(minimapColor({ type: "note", data: {} })).toBe("#facc15");
    expect(minimapColor(text)).toBe("#60a5fa");
  });
});
