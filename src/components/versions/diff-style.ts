/**
 * How a previewed version's differences look: node wrappers get a coloured ring and a small
 * label (removed ones are faded ghosts with a dashed outline), edges a stroke. Every node and
 * edge carries `data-diff` (added | removed | changed | moved | unchanged) for tests and
 * assistive styling, and nodes are `inert`: the preview is read-only down to their fields.
 */
import type { Edge, Node } from "@xyflow/react";
import type { EdgeDiffKind, GraphDiff, NodeDiffKind } from "@/lib/graph-diff";

const LABEL =
  "before:pointer-events-none before:absolute before:-top-6 before:left-1 before:rounded before:px-1.5 before:py-0.5 before:text-[10px] before:font-semibold before:uppercase before:tracking-wide";

const NODE_CLASS: Record<NodeDiffKind, string> = {
  added: `rounded-xl ring-2 ring-emerald-400 ring-offset-2 ring-offset-canvas ${LABEL} before:bg-emerald-500/20 before:text-emerald-200 before:content-['added']`,
  removed: `rounded-xl opacity-40 outline-2 outline-offset-2 outline-dashed outline-red-400 ${LABEL} before:bg-red-500/20 before:text-red-200 before:content-['removed']`,
  changed: `rounded-xl ring-2 ring-amber-400 ring-offset-2 ring-offset-canvas ${LABEL} before:bg-amber-500/20 before:text-amber-200 before:content-['changed']`,
  moved: `rounded-xl ring-1 ring-amber-200/50 ring-offset-2 ring-offset-canvas ${LABEL} before:bg-amber-200/10 before:text-amber-100/80 before:content-['moved']`,
  unchanged: "",
};

const EDGE_LOOK: Record<EdgeDiffKind, Edge["style"]> = {
  added: { stroke: "#34d399", strokeWidth: 2.5 },
  removed: { stroke: "#f87171", strokeWidth: 2, strokeDasharray: "6 4", opacity: 0.5 },
  changed: { stroke: "#fbbf24", strokeWidth: 2.5 },
  unchanged: {},
};

/** The legend's swatches, in the colours above. */
export const LEGEND: { kind: Exclude<NodeDiffKind, "unchanged">; label: string; swatch: string }[] = [
  { kind: "added", label: "Added", swatch: "border-2 border-emerald-400" },
  { kind: "removed", label: "Removed", swatch: "border-2 border-dashed border-red-400 opacity-60" },
  { kind: "changed", label: "Changed", swatch: "border-2 border-amber-400" },
  { kind: "moved", label: "Moved or resized", swatch: "border border-amber-200/60" },
];

export function decorateDiffNodes(nodes: Node[], diff: GraphDiff): Node[] {
  return nodes.map((node) => {
    const kind = diff.nodes.get(node.id) ?? "unchanged";
    const attributes = { "data-diff": kind, inert: true };
    return { ...node, className: NODE_CLASS[kind], domAttributes: attributes, selectable: false, draggable: false, connectable: false, deletable: false };
  });
}

/** Applied after the usual port-colour decoration, whose stroke a difference overrides. */
export function paintDiffEdges(edges: Edge[], diff: GraphDiff): Edge[] {
  return edges.map((edge) => {
    const kind = diff.edges.get(edge.id) ?? "unchanged";
    const attributes: Record<`data-${string}`, string> = { "data-diff": kind };
    return { ...edge, animated: false, style: { ...edge.style, ...EDGE_LOOK[kind] }, domAttributes: attributes, selectable: false, focusable: false, deletable: false };
  });
}
