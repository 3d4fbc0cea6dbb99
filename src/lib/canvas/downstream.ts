/** The nodes a run "from here" covers: the given ones and every node their outputs reach. */

/**
 * `ids` and every node reachable from them along edges, in no particular order.
 *
 * @example downstreamOf([{ source: "a", target: "b" }, { source: "b", target: "c" }], ["b"]) // Set { "b", "c" }
 */
export function downstreamOf(edges: readonly { source: string; target: string }[], ids: readonly string[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const reached = new Set(ids);
  const stack = [...ids];
  while (stack.length > 0) {
    for (const target of next.get(stack.pop()!) ?? []) {
      if (reached.has(target)) continue;
      reached.add(target);
      stack.push(target);
    }
  }
  return reached;
}
