/**
 * A bundle of wires fanning out of one port to nodes off screen (`lib/canvas/fan-bundles.ts`):
 * every member's curve in ONE path, so a 1 → 499 fan-out mounts one edge instead of 499. Drawn
 * like the wires it stands for (same curve, colour and animation); not clickable — its wires
 * become edges of their own once their far end is in view.
 */
"use client";
import { getBezierPath, Position, useStore, type Edge, type EdgeProps, type InternalNode, type ReactFlowState } from "@xyflow/react";
import { memo } from "react";
import type { FanBundleData, FanMember } from "@/lib/canvas/fan-bundles";

interface End {
  x: number;
  y: number;
  position: Position;
}

/** Where a wire meets a node's input handle: its measured handle, else the guessed one. */
function targetEnd(node: InternalNode | undefined, handleId: string | null): End | null {
  if (!node) return null;
  const handles = node.internals.handleBounds?.target ?? node.handles?.filter((h) => h.type === "target") ?? [];
  const h = handles.find((c) => (c.id ?? null) === handleId) ?? (handleId === null ? handles[0] : undefined);
  if (!h) return null;
  const { x, y } = node.internals.positionAbsolute;
  const width = h.width ?? 0;
  const height = h.height ?? 0;
  switch (h.position) {
    case Position.Left:
      return { x: x + h.x, y: y + h.y + height / 2, position: h.position };
    case Position.Right:
      return { x: x + h.x + width, y: y + h.y + height / 2, position: h.position };
    case Position.Top:
      return { x: x + h.x + width / 2, y: y + h.y, position: h.position };
    default:
      return { x: x + h.x + width / 2, y: y + h.y + height, position: h.position };
  }
}

/** One path through every member's curve; recomputed when a node moves (a string, so equal paths do not re-render). */
function fanPath(s: ReactFlowState, from: End, members: readonly FanMember[]): string {
  const parts: string[] = [];
  for (const m of members) {
    const to = targetEnd(s.nodeLookup.get(m.target), m.targetHandle);
    if (!to) continue;
    const [d] = getBezierPath({ sourceX: from.x, sourceY: from.y, sourcePosition: from.position, targetX: to.x, targetY: to.y, targetPosition: to.position });
    parts.push(d);
  }
  return parts.join(" ");
}

function FanEdge({ id, sourceX, sourceY, sourcePosition, data, style }: EdgeProps<Edge<FanBundleData>>) {
  const members = data?.members ?? [];
  const d = useStore((s) => fanPath(s, { x: sourceX, y: sourceY, position: sourcePosition }, members));
  return (
    <path
      id={id}
      d={d}
      fill="none"
      className="react-flow__edge-path"
      style={style}
      data-testid="fan-bundle"
      data-wires={members.length}
    />
  );
}

export const FAN_EDGE = memo(FanEdge);
