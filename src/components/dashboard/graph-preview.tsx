/**
 * A workflow's graph in small on its dashboard card: nodes as boxes in their type's colour, edges
 * as curves from output side to input side, notes and frames faint behind, all scaled to fit.
 * People find a workflow by its shape before they read its name.
 */
import { boundsOf } from "@/lib/canvas/rect";
import { isCanvasOnlyType } from "@/lib/canvas/canvas-only-types";
import type { WorkflowSummary } from "@/lib/client/types";
import { nodeCatalogue } from "@/nodes/registry";

type Preview = WorkflowSummary["preview"];
type Box = Preview["nodes"][number];

/** Room around the graph, as a share of its larger side. */
const MARGIN = 0.06;

export function GraphPreview({ preview }: { preview: Preview }) {
  const bounds = boundsOf(preview.nodes.map((n) => ({ x: n.x, y: n.y, width: n.w, height: n.h })));
  if (!bounds) {
    return (
      <div data-testid="workflow-preview-empty" className="flex h-28 items-center justify-center rounded-lg bg-canvas text-xs text-zinc-600">
        Empty workflow
      </div>
    );
  }
  const pad = Math.max(bounds.width, bounds.height) * MARGIN;
  const viewBox = `${bounds.x - pad} ${bounds.y - pad} ${bounds.width + 2 * pad} ${bounds.height + 2 * pad}`;
  const radius = Math.max(bounds.width, bounds.height) / 80;
  const behind = preview.nodes.filter((n) => isCanvasOnlyType(n.type));
  const front = preview.nodes.filter((n) => !isCanvasOnlyType(n.type));
  const hidden = preview.nodeCount - preview.nodes.length;

  return (
    <div className="relative h-28 overflow-hidden rounded-lg bg-canvas">
      <svg data-testid="workflow-preview" role="img" aria-label={`Graph of ${preview.nodeCount} ${preview.nodeCount === 1 ? "node" : "nodes"}`} viewBox={viewBox} preserveAspectRatio="xMidYMid meet" className="h-full w-full">
        {behind.map((n, i) => (
          <rect key={`c${i}`} data-testid="preview-node" data-type={n.type} x={n.x} y={n.y} width={n.w} height={n.h} rx={radius}
            fill={n.type === "note" ? "#facc15" : "#a1a1aa"} fillOpacity={0.08} stroke="#a1a1aa" strokeOpacity={0.3} vectorEffect="non-scaling-stroke" />
        ))}
        {preview.edges.map(([s, t], i) => (
          <path key={`e${i}`} d={curve(preview.nodes[s], preview.nodes[t])} fill="none" stroke="#71717a" strokeWidth={1.25} vectorEffect="non-scaling-stroke" />
        ))}
        {front.map((n, i) => {
          const color = nodeCatalogue.get(n.type)?.color ?? "#888";
          return (
            <rect key={`n${i}`} data-testid="preview-node" data-type={n.type} x={n.x} y={n.y} width={n.w} height={n.h} rx={radius}
              fill={color} fillOpacity={0.35} stroke={color} vectorEffect="non-scaling-stroke" />
          );
        })}
      </svg>
      {hidden > 0 && <span className="absolute bottom-1 right-2 text-[10px] text-zinc-500">+{hidden} more nodes</span>}
    </div>
  );
}

/** From the middle of the source's right side to the middle of the target's left side, leaving and arriving level. */
function curve(from: Box, to: Box): string {
  const [x1, y1, x2, y2] = [from.x + from.w, from.y + from.h / 2, to.x, to.y + to.h / 2];
  const bend = Math.max(Math.abs(x2 - x1) / 2, 40);
  return `M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
}
