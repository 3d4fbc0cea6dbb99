/**
 * A bundle of wires fanning out of one port to nodes off screen (`lib/canvas/fan-bundles.ts`):
 * every member's curve in ONE path, so a 1 → 499 fan-out mounts one edge instead of 499. Drawn
 * like the wires it stands for (same curve, colour and animation); not clickable — its wires
 * become edges of their own once their far end is in view.
 */
"use client";
import { getBezierPath, Position, useStore, type Edge, type EdgeProps, type InternalNode } from "@xyflow/react";
import { memo, useMemo } from "react";
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

/** One path through every member's curve. */
function fanPath(nodeLookup: ReadonlyMap<string, InternalNode>, from: End, members: readonly FanMember[]): string {
  const parts: string[] = [];
  for (const m of members) {
    const to = targetEnd(nodeLookup.get(m.target), m.targetHandle);
    if (!to) continue;
    const [d] = getBezierPath({ sourceX: from.x, sourceY: from.y, sourcePosition: from.position, targetX: to.x, targetY: to.y, targetPosition: to.position });
    parts.push(d);
  }
  return parts.join(" ");
}

function FanEdge({ id, sourceX, sourceY, sourcePosition, data, style }: EdgeProps<Edge<FanBundleData>>) {
  const members = data?.members;
  // Rebuilt when the nodes change (a move, a measurement reaches React Flow as new nodes), not on
  // every store update: panning changes the store each frame, and ≈ 500 curves cost ≈ 0.3 ms.
  const nodes = useStore((s) => s.nodes);
  const nodeLookup = useStore((s) => s.nodeLookup);
  const d = useMemo(
    () => (members ? fanPath(nodeLookup, { x: sourceX, y: sourceY, position: sourcePosition }, members) : ""),
    // `nodes` is the trigger: React Flow updates `nodeLookup` in place, and hands new `nodes` with each change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodes, nodeLookup, members, sourceX, sourceY, sourcePosition],
  );
  return (
    <path
      id={id}
      d={d}
      fill="none"
      className="react-flow__edge-path"
      style={style}
      data-testid="fan-bundle"
      data-wires={members?.length ?? 0}
    />
  );
}

export const FAN_EDGE = memo(FanEdge);
