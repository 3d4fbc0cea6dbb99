import { beforeEach, describe, expect, it, vi } from "vitest";
import { computeCacheKey } from "@/engine/cache-key";
import type { ConnectedValues } from "@/engine/node-catalogue";
import { createOutdatedTracker, type TrackedEdge, type TrackedNode, type TrackedResult } from "./outdated-results";

// Counts the hashes a pass makes, to hold the tracker to its "only what changed" promise.
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/sha256", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/sha256")>();
  return { sha256Hex: (text: string) => (hashes.count++, actual.sha256Hex(text)) };
});

const nameOf = (node: TrackedNode) => (typeof node.data.label === "string" ? node.data.label : node.id);

/** A result as the server records it: its key from the data and inputs it ran with. */
function ran(node: TrackedNode, input: ConnectedValues, output: Record<string, unknown>, status = "SUCCESS"): TrackedResult {
  return { status, cacheKey: computeCacheKey(node.type!, node.data, input), input, output };
}

const edge = (source: string, sourceHandle: string, target: string, targetHandle: string): TrackedEdge => ({ source, sourceHandle, target, targetHandle });

describe("outdated results (the server's cache-key rule)", () => {
  const photo: TrackedNode = { id: "photo", type: "uploadImage", data: { assetId: "a1" } };
  const crop: TrackedNode = { id: "crop", type: "cropImage", data: { x_percent: 0, y_percent: 0, width_percent: 50, height_percent: 50 } };
  const edges = [edge("photo", "image", "crop", "image_url")];
  const results = {
    photo: ran(photo, {}, { image: "/api/files/a1" }),
    crop: ran(crop, { image_url: ["/api/files/a1"] }, { image: "/api/files/c1" }),
  };

  beforeEach(() => (hashes.count = 0));

  it("finds nothing out of date in the graph the results were made from", () => {
    const outdated = createOutdatedTracker(nameOf);
    expect(outdated({ nodes: [photo, crop], edges, results })).toEqual({});
  });

  it("marks a node whose params changed, and clears the mark when they are put back", () => {
    const outdated = createOutdatedTracker(nameOf);
    const moved = { ...crop, data: { ...crop.data, x_percent: 10 } };
    expect(outdated({ nodes: [photo, moved], edges, results })).toEqual({ crop: "Parameters changed since this result" });
    // Key order does not matter, as on the server.
    const back = { ...crop, data: { height_percent: 50, width_percent: 50, y_percent: 0, x_percent: 0 } };
    expect(outdated({ nodes: [photo, back], edges, results })).toEqual({});
  });

  it("marks everything downstream of a changed node, naming the input", () => {
    const outdated = createOutdatedTracker(nameOf);
    const other = { ...photo, data: { assetId: "a2", label: "Product photo" } };
    expect(outdated({ nodes: [other, crop], edges, results })).toEqual({
      photo: "Parameters changed since this result",
      crop: "An input (“Product photo”) changed since this result",
    });
  });

  it("tells inputs changed from params changed when an upstream result moved on", () => {
    const outdated = createOutdatedTracker(nameOf);
    const newer = { ...results, photo: ran(photo, {}, { image: "/api/files/a1-again" }) };
    expect(outdated({ nodes: [photo, crop], edges, results: newer })).toEqual({ crop: "Inputs changed since this result" });
    const moved = { ...crop, data: { ...crop.data, y_percent: 5 } };
    expect(outdated({ nodes: [photo, moved], edges, results: newer })).toEqual({ crop: "Parameters and inputs changed since this result" });
  });

  it("counts a new or removed connection as changed inputs", () => {
    const outdated = createOutdatedTracker(nameOf);
    expect(outdated({ nodes: [photo, crop], edges: [], results })).toEqual({ crop: "Inputs changed since this result" });
    const amount: TrackedNode = { id: "amount", type: "text", data: { text: "10" } };
    const more = [...edges, edge("amount", "text", "crop", "x_percent")];
    expect(outdated({ nodes: [photo, crop, amount], edges: more, results })).toEqual({ crop: "An input (“amount”) changed since this result" });
  });

  it("judges failed results too, and leaves running, skipped and key-less ones alone", () => {
    const outdated = createOutdatedTracker(nameOf);
    const moved = { ...crop, data: { ...crop.data, width_percent: 0 } };
    const failed = { ...results, crop: ran(crop, { image_url: ["/api/files/a1"] }, {}, "FAILED") };
    expect(outdated({ nodes: [photo, moved], edges, results: failed })).toEqual({ crop: "Parameters changed since this result" });
    for (const status of ["RUNNING", "IDLE", "SKIPPED"]) {
      const other = { ...results, crop: { ...results.crop, status } };
      expect(outdated({ nodes: [photo, moved], edges, results: other })).toEqual({});
    }
    const keyless = { ...results, crop: { ...results.crop, cacheKey: null } };
    expect(outdated({ nodes: [photo, moved], edges, results: keyless })).toEqual({});
  });

  it("on a 500-node chain, an edit hashes only the edited node and keeps the answer object when nothing changed", () => {
    const nodes: TrackedNode[] = [];
    const chain: TrackedEdge[] = [];
    const made: Record<string, TrackedResult> = {};
    let previous: string | undefined;
    for (let i = 0; i < 500; i++) {
      const node: TrackedNode = { id: `n${i}`, type: "llm", data: { model: "m", user_message: `q${i}` } };
      const input: ConnectedValues = previous === undefined ? {} : { system_prompt: [`answer ${i - 1}`] };
      if (previous !== undefined) chain.push(edge(previous, "output", node.id, "system_prompt"));
      made[node.id] = ran(node, input, { output: `answer ${i}` });
      nodes.push(node);
      previous = node.id;
    }
    const outdated = createOutdatedTracker(nameOf);
    const first = outdated({ nodes, edges: chain, results: made });
    expect(first).toEqual({});
    expect(hashes.count).toBe(500);

    hashes.count = 0;
    // A drag makes new node objects around the same data.
    const dragged = nodes.map((n) => ({ ...n, position: { x: 1, y: 1 } }));
    expect(outdated({ nodes: dragged, edges: chain, results: made })).toBe(first);
    expect(hashes.count).toBe(0);

    const edited = nodes.map((n, i) => (i === 250 ? { ...n, data: { ...n.data, user_message: "changed" } } : n));
    const reasons = outdated({ nodes: edited, edges: chain, results: made });
    expect(hashes.count).toBe(1);
    expect(Object.keys(reasons)).toHaveLength(250);
    expect(reasons.n250).toBe("Parameters changed since this result");
    expect(reasons.n251).toBe("An input (“n250”) changed since this result");
    expect(reasons.n249).toBeUndefined();
  });
});
