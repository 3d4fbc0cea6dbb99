import { describe, expect, it } from "vitest";
import { nodeCatalogue } from "@/nodes/registry";
import { graphFixture } from "../../../tests/fixtures";
import { estimatedNodeSize } from "./estimated-node-size";
import { SPACING, tidyUpLayout, type TidyEdge, type TidyNode, type XY } from "./tidy-up-layout";

function sized(n: { id: string; type: string; position: XY }): TidyNode {
  return { id: n.id, type: n.type, position: n.position, ...estimatedNodeSize(n.type) };
}

function moved(nodes: readonly TidyNode[], positions: Map<string, XY>): TidyNode[] {
  return nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position }));
}

/** The clear room between two boxes: the larger of the horizontal and vertical gaps (negative when they overlap). */
function gap(a: TidyNode, b: TidyNode): number {
  const dx = Math.max(b.position.x - (a.position.x + a.width), a.position.x - (b.position.x + b.width));
  const dy = Math.max(b.position.y - (a.position.y + a.height), a.position.y - (b.position.y + b.height));
  return Math.max(dx, dy);
}

/** Every pair apart by the spacing; with `among`, only pairs with at least one of those nodes. */
function expectSpaced(nodes: readonly TidyNode[], among?: ReadonlySet<string>) {
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (among && !among.has(nodes[i].id) && !among.has(nodes[j].id)) continue;
      expect(gap(nodes[i], nodes[j]), `${nodes[i].id} and ${nodes[j].id}`).toBeGreaterThanOrEqual(SPACING - 1e-6);
    }
  }
}

function expectLeftToRight(nodes: readonly TidyNode[], edges: readonly TidyEdge[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    const [s, t] = [byId.get(e.source)!, byId.get(e.target)!];
    expect(s.position.x + s.width, `${e.source} → ${e.target}`).toBeLessThan(t.position.x);
  }
}

/** A deterministic pseudo-random source (mulberry32), so a failing graph can be made again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nodes of every type stacked near one spot, edges only from earlier to later nodes (acyclic), some nodes left unconnected. */
function randomGraph(seed: number, size: number): { nodes: TidyNode[]; edges: TidyEdge[] } {
  const rnd = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // Notes and frames are never laid out: the random graphs hold only nodes of the data flow.
  const types = nodeCatalogue.list().filter((d) => !d.canvasOnly);
  const nodes = Array.from({ length: size }, (_, i) => sized({ id: `n${i}`, type: pick(types).type, position: { x: rnd() * 200, y: rnd() * 200 } }));
  const edges: TidyEdge[] = [];
  for (let t = 1; t < size; t++) {
    const inputs = Object.keys(nodeCatalogue.get(nodes[t].type)!.inputs);
    for (const input of inputs) {
      if (rnd() < 0.5) continue;
      const sources = nodes.slice(0, t).filter((n) => Object.keys(nodeCatalogue.get(n.type)!.outputs).length > 0);
      if (sources.length === 0) continue;
      const s = pick(sources);
      edges.push({ source: s.id, sourceHandle: Object.keys(nodeCatalogue.get(s.type)!.outputs)[0], target: nodes[t].id, targetHandle: input });
    }
  }
  return { nodes, edges };
}

// ELK is large and loads on first use; on a busy machine a layout of a few dozen nodes can take seconds.
describe("tidyUpLayout", { timeout: 30_000 }, () => {
  it("lays the template out left to right by data flow with no two boxes closer than the spacing, its top-left kept", async () => {
    const fixture = graphFixture("product-marketing-kit");
    const nodes = fixture.nodes.map(sized);
    const positions = await tidyUpLayout(nodes, fixture.edges);
    expect([...positions.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    const after = moved(nodes, positions);
    expectSpaced(after);
    expectLeftToRight(after, fixture.edges);
    expect(Math.min(...after.map((n) => n.position.x))).toBeCloseTo(0);
    expect(Math.min(...after.map((n) => n.position.y))).toBeCloseTo(0);
  });

  it("spaces out random graphs, unconnected nodes included, every edge left to right", async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { nodes, edges } = randomGraph(seed, 6 + seed * 4);
      const positions = await tidyUpLayout(nodes, edges);
      expect(positions.size, `seed ${seed}`).toBe(nodes.length);
      const after = moved(nodes, positions);
      expectSpaced(after);
      expectLeftToRight(after, edges);
    }
  });

  it("keeps each node's ports in the order its definition lists them: what feeds an upper input sits higher", async () => {
    // Wired in the reverse of the LLM's input order (system_prompt, user_message, images) and stacked the wrong way up.
    const nodes = [
      sized({ id: "image", type: "uploadImage", position: { x: 0, y: 0 } }),
      sized({ id: "message", type: "text", position: { x: 0, y: 10 } }),
      sized({ id: "system", type: "text", position: { x: 0, y: 20 } }),
      sized({ id: "llm", type: "llm", position: { x: 0, y: 30 } }),
    ];
    const edges: TidyEdge[] = [
      { source: "image", sourceHandle: "image", target: "llm", targetHandle: "images" },
      { source: "message", sourceHandle: "text", target: "llm", targetHandle: "user_message" },
      { source: "system", sourceHandle: "text", target: "llm", targetHandle: "system_prompt" },
    ];
    const y = (id: string, p: Map<string, XY>) => p.get(id)!.y;
    const positions = await tidyUpLayout(nodes, edges);
    expect(y("system", positions)).toBeLessThan(y("message", positions));
    expect(y("message", positions)).toBeLessThan(y("image", positions));
  });

  it("tidies only the selection: others keep their place and the result is kept clear of them", async () => {
    const fixture = graphFixture("product-marketing-kit");
    const nodes = fixture.nodes.map(sized);
    const selected = new Set(["product-video", "frame", "launch-post"]);
    // Stack the selection onto the crop node, so where it was is not free.
    const stacked = nodes.map((n) => (selected.has(n.id) ? { ...n, position: { x: 380, y: 20 } } : n));
    const positions = await tidyUpLayout(stacked, fixture.edges, selected);
    expect([...positions.keys()].sort()).toEqual([...selected].sort());
    const after = moved(stacked, positions);
    // The template's own nodes are closer than the spacing at guessed sizes: only the moved ones are checked.
    expectSpaced(after, selected);
    expectLeftToRight(after.filter((n) => selected.has(n.id)), fixture.edges.filter((e) => selected.has(e.source) && selected.has(e.target)));
  });

  it("puts a selection whose old place is free back at its top-left", async () => {
    const nodes = [
      sized({ id: "a", type: "text", position: { x: 1000, y: 500 } }),
      sized({ id: "b", type: "llm", position: { x: 1010, y: 520 } }),
      sized({ id: "far", type: "text", position: { x: 0, y: 0 } }),
    ];
    const positions = await tidyUpLayout(nodes, [{ source: "a", sourceHandle: "text", target: "b", targetHandle: "user_message" }], new Set(["a", "b"]));
    expect(positions.has("far")).toBe(false);
    expect(Math.min(positions.get("a")!.x, positions.get("b")!.x)).toBeCloseTo(1000);
    expect(Math.min(positions.get("a")!.y, positions.get("b")!.y)).toBeCloseTo(500);
  });

  it("leaves notes and frames where they are, even when the whole graph is tidied", async () => {
    const nodes: TidyNode[] = [
      sized({ id: "a", type: "text", position: { x: 0, y: 0 } }),
      sized({ id: "b", type: "text", position: { x: 0, y: 0 } }),
      { id: "note-1", type: "note", position: { x: 5, y: 5 }, width: 200, height: 120 },
      { id: "frame-1", type: "frame", position: { x: -50, y: -50 }, width: 900, height: 700 },
    ];
    const positions = await tidyUpLayout(nodes, []);
    expect([...positions.keys()].sort()).toEqual(["a", "b"]);
    expectSpaced(moved(nodes, positions).filter((n) => n.type === "text"));
  });

  it("moves nothing when fewer than two nodes are laid out", async () => {
    expect((await tidyUpLayout([sized({ id: "a", type: "text", position: { x: 0, y: 0 } })], [])).size).toBe(0);
  });
});
