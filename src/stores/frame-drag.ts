/**
 * Dragging a frame carries the nodes inside it. Which nodes are inside is decided once, when
 * the drag starts (a node whose box lies wholly within the frame's), and each drag step moves
 * them by the frame's offset from where it started. Every position stays absolute — no React
 * Flow `parentId` — so the saved and API format is the same with or without frames; the graph
 * store calls this from `onNodesChange`, so the whole drag stays one undo step.
 */
import type { Node, NodeChange, XYPosition } from "@xyflow/react";
import type { Rect } from "@/lib/canvas/rect";
import { frameNode } from "@/nodes/frame/definition";

export interface FrameDrag {
  /** Each dragged frame's position when the drag started. */
  frames: Map<string, XYPosition>;
  /** Each carried node: the frame carrying it and its position when the drag started. */
  members: Map<string, { frameId: string; start: XYPosition }>;
}

/** A node's box as drawn: its set size (a resized note or frame) or its measured one; null before it is measured. */
export function nodeBox(node: Node): Rect | null {
  const width = node.width ?? node.measured?.width;
  const height = node.height ?? node.measured?.height;
  if (width === undefined || height === undefined) return null;
  return { x: node.position.x, y: node.position.y, width, height };
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The ids of the nodes whose boxes lie wholly inside the frame's. */
export function nodesInside(frame: Node, nodes: readonly Node[]): string[] {
  const box = nodeBox(frame);
  if (!box) return [];
  return nodes.filter((n) => {
    const inner = n.id === frame.id ? null : nodeBox(n);
    return inner !== null && contains(box, inner);
  }).map((n) => n.id);
}

/** At a drag's first step: the frames being dragged and the nodes they carry; null when no frame moves. */
export function startFrameDrag(nodes: readonly Node[], changes: readonly NodeChange[]): FrameDrag | null {
  const moving = new Set(changes.flatMap((c) => (c.type === "position" && c.dragging ? [c.id] : [])));
  const frames = nodes.filter((n) => n.type === frameNode.type && moving.has(n.id));
  if (frames.length === 0) return null;
  const drag: FrameDrag = { frames: new Map(), members: new Map() };
  for (const frame of frames) {
    drag.frames.set(frame.id, frame.position);
    for (const id of nodesInside(frame, nodes)) {
      // A node dragged itself (selected with the frame) already moves; one frame carries a node once.
      if (moving.has(id) || drag.members.has(id)) continue;
      drag.members.set(id, { frameId: frame.id, start: nodes.find((n) => n.id === id)!.position });
    }
  }
  return drag.members.size > 0 ? drag : null;
}

/** The nodes after a drag step: each carried node offset as far as its frame has moved since the start. */
export function carryFrameMembers(drag: FrameDrag, nodes: Node[]): Node[] {
  const offsets = new Map<string, XYPosition>();
  for (const node of nodes) {
    const start = drag.frames.get(node.id);
    if (start) offsets.set(node.id, { x: node.position.x - start.x, y: node.position.y - start.y });
  }
  return nodes.map((node) => {
    const member = drag.members.get(node.id);
    const offset = member && offsets.get(member.frameId);
    if (!member || !offset) return node;
    const position = { x: member.start.x + offset.x, y: member.start.y + offset.y };
    return position.x === node.position.x && position.y === node.position.y ? node : { ...node, position };
  });
}
