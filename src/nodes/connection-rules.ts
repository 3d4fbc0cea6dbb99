/**
 * Which connections the canvas accepts, with a short reason for each refusal:
 * equal port types only, no self-loops, no duplicates, no cycles (DESIGN §4).
 * Pure, so the drag handler, the keyboard "Connect output to…" menu and the graph store share it.
 */
import type { Connection, Edge, Node } from "@xyflow/react";
import { nodeCatalogue } from "./registry";
import type { NodePort } from "./types";

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

type Conn = Pick<Connection, "source" | "target" | "sourceHandle" | "targetHandle">;

function port(nodes: Node[], nodeId: string, handle: string | null, side: "inputs" | "outputs"): NodePort | undefined {
  const node = nodes.find((n) => n.id === nodeId);
  const def = node?.type ? nodeCatalogue.get(node.type) : undefined;
  return handle && def ? def[side][handle] : undefined;
}

/** "text", "an image": a port type as a person says it. */
const TYPE_WORDS: Record<NodePort["type"], string> = { text: "text", image: "an image", video: "a video", number: "a number" };

/**
 * Why an output cannot feed an input of another type, and what to do instead.
 *
 * @example
 * typeMismatchReason(imageOutput, systemPromptInput);
 * // "System prompt takes text, and this output gives an image. Drop it on an input that takes an image."
 */
export function typeMismatchReason(from: Pick<NodePort, "type">, to: Pick<NodePort, "type" | "label">): string {
  return `${to.label} takes ${TYPE_WORDS[to.type]}, and this output gives ${TYPE_WORDS[from.type]}. Drop it on an input that takes ${TYPE_WORDS[from.type]}.`;
}

/** True when `from` can already reach `to` by following edges forward. */
export function reaches(edges: Pick<Edge, "source" | "target">[], from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e.target);
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const next of out.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return false;
}

export function checkConnection(nodes: Node[], edges: Edge[], c: Conn): ConnectionCheck {
  if (!c.source || !c.target) return { ok: false, reason: "Pick a port to connect to" };
  if (c.source === c.target) return { ok: false, reason: "A node cannot feed itself" };
  const from = port(nodes, c.source, c.sourceHandle ?? null, "outputs");
  const to = port(nodes, c.target, c.targetHandle ?? null, "inputs");
  if (!from || !to) return { ok: false, reason: "Connect an output (right) to an input (left)" };
  if (from.type !== to.type) return { ok: false, reason: typeMismatchReason(from, to) };
  const duplicate = edges.some(
    (e) => e.source === c.source && e.target === c.target && e.sourceHandle === c.sourceHandle && e.targetHandle === c.targetHandle,
  );
  if (duplicate) return { ok: false, reason: "These ports are already connected" };
  if (reaches(edges, c.target, c.source)) return { ok: false, reason: "That would create a cycle — workflows must flow one way" };
  return { ok: true };
}
