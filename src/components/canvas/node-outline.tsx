/**
 * A node drawn zoomed far out, where its fields could not be read: its box (the size
 * `estimated-size.ts` guesses, so the graph keeps its shape), icon, label, run status and
 * handles. Drawing 500 full nodes at 0.1 zoom cost seconds of layout; these cost little.
 */
"use client";
import { Handle } from "@xyflow/react";
import type { NodeDefinition } from "@/nodes/types";
import { useRunStore } from "@/stores/run-store";
import { estimateFor } from "./estimated-size";
import { NodeIcon } from "./node-icon";
import { PORT_COLORS } from "./port-colors";

/** Below this zoom a node is drawn as its outline. */
export const OUTLINE_BELOW_ZOOM = 0.2;

const STATUS_BORDER: Record<string, string> = {
  RUNNING: "border-violet-400",
  SUCCESS: "border-emerald-400/70",
  FAILED: "border-red-500",
};

export function NodeOutline({
  id,
  definition,
  selected,
}: {
  id: string;
  definition: NodeDefinition;
  selected: boolean;
}) {
  const status = useRunStore((s) => s.results[id]?.status ?? "IDLE");
  const { initialWidth, initialHeight, handles } = estimateFor(definition.type);
  const border = selected ? "border-violet-400" : (STATUS_BORDER[status] ?? "border-line");
  return (
    <div
      data-testid={`node-outline-${id}`}
      data-status={status}
      className={`relative rounded-xl border-4 bg-panel ${border}`}
      // A resizable node (a note, a frame) fills the size it was given.
      style={definition.initialSize ? { width: "100%", height: "100%" } : { width: initialWidth, height: initialHeight }}
    >
      <div className="flex items-center gap-3 px-4 py-3 text-3xl font-semibold text-zinc-200">
        <span style={{ color: definition.color }}>
          <NodeIcon path={definition.icon} className="h-9 w-9" />
        </span>
        {definition.label}
      </div>
      {handles.map((h) => {
        const port = (h.type === "source" ? definition.outputs : definition.inputs)[h.id ?? ""];
        return (
          <Handle
            key={`${h.type}-${h.id}`}
            type={h.type}
            position={h.position}
            id={h.id}
            className="!h-3 !w-3 !border-2 !border-[var(--color-panel)]"
            style={{ top: h.y + (h.height ?? 0) / 2, background: port ? PORT_COLORS[port.type] : "#888" }}
          />
        );
      })}
    </div>
  );
}
