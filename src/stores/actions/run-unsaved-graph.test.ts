import { describe, expect, it } from "vitest";
import type { WireGraph } from "@/lib/client/types";
import { graphNeededFor } from "./run-unsaved-graph";

const node = (id: string) => ({ id, type: "text", position: { x: 0, y: 0 }, data: {} });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourceHandle: "text", target, targetHandle: "user_message" });
const GRAPH: WireGraph = { nodes: ["a", "b", "c", "big"].map(node), edges: [edge("a", "b"), edge("big", "c")] };

describe("graphNeededFor", () => {
  it("keeps the whole graph for a full run", () => {
    expect(graphNeededFor(GRAPH)).toBe(GRAPH);
  });

  it("keeps a target, its ancestors and the edges between them", () => {
    const needed = graphNeededFor(GRAPH, ["b"]);
    expect(needed.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(needed.edges.map((e) => e.id)).toEqual(["a-b"]);
  });

  it("leaves out nodes a selection does not need", () => {
    expect(graphNeededFor(GRAPH, ["a", "b"]).nodes.map((n) => n.id)).not.toContain("big");
  });

  it("sends everything when it cannot plan (the server names the problem)", () => {
    expect(graphNeededFor(GRAPH, ["missing"])).toBe(GRAPH);
  });
});
