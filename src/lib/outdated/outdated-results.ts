/**
 * Which results on the canvas are out of date, by the server's own cache rule: a node's
 * result is current while `sha256(cacheKeyText(type, data, inputs))` of the graph as it is
 * now equals the key the result was made under (`NodeResult.cacheKey`). "inputs" are the
 * values its connected inputs would carry now: each upstream node's current result. An
 * upstream node without a current result (edited, never run, failed) makes the value
 * unknown, so its downstream results are out of date too.
 *
 * Cheap on big canvases: a tracker keeps each node's verdict with what it was computed
 * from (its data, its result, its inputs' sources and values, by reference) and only
 * recomputes a node when one of those changed; a pass is O(nodes + edges) and hashes only
 * the nodes whose own inputs changed.
 */
import { cacheKeyText, stableStringify } from "@/engine/cache-key-text";
import type { ConnectedValues } from "@/engine/node-catalogue";
import { sha256Hex } from "@/lib/sha256";

export interface TrackedNode {
  id: string;
  type?: string;
  data: Record<string, unknown>;
}

export interface TrackedEdge {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

/** The part of a node result the rule reads. */
export interface TrackedResult {
  status: string;
  cacheKey: string | null;
  input: Record<string, unknown> | null;
  output: Record<string, unknown> | null;
}

export interface OutdatedGraph {
  nodes: readonly TrackedNode[];
  edges: readonly TrackedEdge[];
  results: Readonly<Record<string, TrackedResult | undefined>>;
}

/** Node id → why its result is out of date, in words (only nodes whose result is). */
export type OutdatedReasons = Readonly<Record<string, string>>;

interface Verdict {
  /** Why the node's shown result is out of date; null when it is current or there is none to judge. */
  reason: string | null;
  /** What its outputs are now, as far as known: a current successful result's; else undefined. */
  outputs: Record<string, unknown> | undefined;
}

interface Memo {
  deps: unknown[];
  verdict: Verdict;
}

/** Results that can be out of date: the ones showing an output or an error. */
const JUDGED = new Set(["SUCCESS", "FAILED"]);

/**
 * @example
 * const outdated = createOutdatedTracker(nameOf);
 * outdated({ nodes, edges, results }); // { crop: "Parameters changed since this result" }
 */
export function createOutdatedTracker(nameOf: (node: TrackedNode) => string): (graph: OutdatedGraph) => OutdatedReasons {
  const memos = new Map<string, Memo>();
  let edgesSeen: readonly TrackedEdge[] | null = null;
  let incoming = new Map<string, TrackedEdge[]>();
  let last: OutdatedReasons = {};

  return function outdatedReasons({ nodes, edges, results }) {
    if (edges !== edgesSeen) {
      edgesSeen = edges;
      incoming = new Map();
      for (const edge of edges) {
        const list = incoming.get(edge.target);
        if (list) list.push(edge);
        else incoming.set(edge.target, [edge]);
      }
    }
    const byId = new Map<string, TrackedNode>();
    for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);

    const verdicts = new Map<string, Verdict>();
    const visiting = new Set<string>();
    const judge = (node: TrackedNode): Verdict => {
      const known = verdicts.get(node.id);
      if (known) return known;
      // The saved graph is acyclic; a cycle mid-edit says nothing about results.
      if (visiting.has(node.id)) return { reason: null, outputs: undefined };
      visiting.add(node.id);
      const result = results[node.id];
      const deps: unknown[] = [node.type, node.data, result];
      const sources: { edge: TrackedEdge; node: TrackedNode | undefined; outputs: Record<string, unknown> | undefined }[] = [];
      for (const edge of incoming.get(node.id) ?? []) {
        const source = byId.get(edge.source);
        const outputs = source ? judge(source).outputs : undefined;
        sources.push({ edge, node: source, outputs });
        // The source's data only matters (for its name) while its outputs are unknown.
        deps.push(edge.sourceHandle, edge.targetHandle, edge.source, outputs, outputs ? undefined : source?.data);
      }
      const memo = memos.get(node.id);
      const verdict = memo && sameDeps(memo.deps, deps) ? memo.verdict : decide(node, result, sources, nameOf);
      if (!memo || memo.verdict !== verdict) memos.set(node.id, { deps, verdict });
      visiting.delete(node.id);
      verdicts.set(node.id, verdict);
      return verdict;
    };

    const reasons: Record<string, string> = {};
    let changed = false;
    let count = 0;
    for (const node of nodes) {
      const { reason } = judge(node);
      if (reason === null) continue;
      reasons[node.id] = reason;
      count++;
      if (last[node.id] !== reason) changed = true;
    }
    for (const id of memos.keys()) if (!byId.has(id)) memos.delete(id);
    if (!changed && count === Object.keys(last).length) return last;
    return (last = reasons);
  };
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function decide(
  node: TrackedNode,
  result: TrackedResult | undefined,
  sources: { edge: TrackedEdge; node: TrackedNode | undefined; outputs: Record<string, unknown> | undefined }[],
  nameOf: (node: TrackedNode) => string,
): Verdict {
  if (!result || !JUDGED.has(result.status) || !result.cacheKey || !node.type) return { reason: null, outputs: undefined };
  const current = (reason: string | null): Verdict => ({
    reason,
    outputs: reason === null && result.status === "SUCCESS" ? (result.output ?? {}) : undefined,
  });

  // The values the engine would hand this node now, in edge order (scheduler.connectedInputs).
  const inputs: ConnectedValues = {};
  for (const { edge, node: source, outputs } of sources) {
    if (!outputs) return current(`An input (“${source ? nameOf(source) : edge.source}”) changed since this result`);
    (inputs[edge.targetHandle ?? ""] ??= []).push(outputs[edge.sourceHandle ?? ""]);
  }
  if (sha256Hex(cacheKeyText(node.type, node.data, inputs)) === result.cacheKey) return current(null);

  const recorded = (result.input ?? {}) as ConnectedValues;
  if (stableStringify(inputs) === stableStringify(recorded)) return current("Parameters changed since this result");
  const paramsSame = sha256Hex(cacheKeyText(node.type, node.data, recorded)) === result.cacheKey;
  return current(paramsSame ? "Inputs changed since this result" : "Parameters and inputs changed since this result");
}
