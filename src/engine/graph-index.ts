/**
 * Adjacency of a graph by position, built once in O(nodes + edges) so the validator,
 * the planner and the scheduler never scan the edge list per node.
 */
/**
 * Edges by node in compressed form (one flat array per direction, no array per node): the
 * edges ending at node `i` are `inEdges[inStart[i]]` … `inEdges[inStart[i + 1] - 1]`, in edge order.
 */
export interface GraphIndex {
  /** Node id → position in `graph.nodes` (the first node with that id wins). */
  indexOf: Map<string, number>;
  inStart: Int32Array;
  inEdges: Int32Array;
  outStart: Int32Array;
  outEdges: Int32Array;
  /** Per edge, the position of its source node, or -1 when there is no such node. */
  edgeSource: Int32Array;
  /** Per edge, the position of its target node, or -1 when there is no such node. */
  edgeTarget: Int32Array;
}

/** The least a graph needs to be indexed. The validator indexes half-parsed input: an undefined id matches nothing. */
export interface IndexableGraph {
  nodes: readonly { id: string | undefined }[];
  edges: readonly { source: string | undefined; target: string | undefined }[];
}

export function indexGraph(graph: IndexableGraph): GraphIndex {
  const { nodes, edges } = graph;
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = nodes[i].id;
    if (id !== undefined && !indexOf.has(id)) indexOf.set(id, i);
  }
  const edgeSource = new Int32Array(edges.length);
  const edgeTarget = new Int32Array(edges.length);
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  let linked = 0;
  for (let e = 0; e < edges.length; e++) {
    const { source, target } = edges[e];
    const s = source === undefined ? -1 : (indexOf.get(source) ?? -1);
    const t = target === undefined ? -1 : (indexOf.get(target) ?? -1);
    edgeSource[e] = s;
    edgeTarget[e] = t;
    if (s < 0 || t < 0) continue;
    outStart[s + 1]++;
    inStart[t + 1]++;
    linked++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const inEdges = new Int32Array(linked);
  const outEdges = new Int32Array(linked);
  const inFill = inStart.slice(0, n);
  const outFill = outStart.slice(0, n);
  for (let e = 0; e < edges.length; e++) {
    const s = edgeSource[e];
    const t = edgeTarget[e];
    if (s < 0 || t < 0) continue;
    outEdges[outFill[s]++] = e;
    inEdges[inFill[t]++] = e;
  }
  return { indexOf, inStart, inEdges, outStart, outEdges, edgeSource, edgeTarget };
}

export interface FoundCycle {
  /** Node positions along the cycle, in edge direction, starting anywhere on it. */
  nodes: number[];
  /** The edge that closes the cycle (from the last node back to the first). */
  closingEdge: number;
}

/**
 * Finds cycles with an iterative depth-first search (no recursion, so deep graphs cannot
 * overflow the stack). Every strongly connected part that holds a cycle yields at least one.
 */
export function findCycles(index: GraphIndex, options: { include?: (node: number) => boolean; limit?: number } = {}): FoundCycle[] {
  const { include = () => true, limit = 10 } = options;
  const n = index.inStart.length - 1;
  const WHITE = 0, GRAY = 1, BLACK = 2;
  const color = new Uint8Array(n);
  const cursor = new Int32Array(n);
  const stack: number[] = [];
  const cycles: FoundCycle[] = [];
  for (let root = 0; root < n; root++) {
    if (color[root] !== WHITE || !include(root)) continue;
    color[root] = GRAY;
    stack.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const k = index.outStart[top] + cursor[top]++;
      if (k >= index.outStart[top + 1]) {
        color[top] = BLACK;
        stack.pop();
        continue;
      }
      const edge = index.outEdges[k];
      const next = index.edgeTarget[edge];
      if (!include(next)) continue;
      if (color[next] === WHITE) {
        color[next] = GRAY;
        stack.push(next);
      } else if (color[next] === GRAY) {
        cycles.push({ nodes: stack.slice(stack.lastIndexOf(next)), closingEdge: edge });
        if (cycles.length >= limit) return cycles;
      }
    }
  }
  return cycles;
}

/** `cycle: a → b → c → a` */
export function describeCycle(graph: Pick<IndexableGraph, "nodes">, cycle: FoundCycle): string {
  const ids = cycle.nodes.map((i) => graph.nodes[i].id ?? "?");
  return `cycle: ${[...ids, ids[0]].join(" → ")}`;
}
