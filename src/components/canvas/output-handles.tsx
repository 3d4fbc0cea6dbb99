import { Handle, Position } from "@xyflow/react";
import type { NodePort } from "@/nodes/types";
import { PORT_COLORS } from "./port-colors";

/** The node's outputs on its right edge, labelled. */
export function OutputHandles({ outputs }: { outputs: Record<string, NodePort> }) {
  return (
    <div className="flex flex-col items-end">
      {Object.entries(outputs).map(([name, port]) => (
        <div key={name} className="relative px-3 py-1 text-[11px] uppercase tracking-wide text-zinc-400" data-testid={`out-${name}`}>
          {port.label}
          <Handle
            type="source"
            position={Position.Right}
            id={name}
            aria-label={`${port.label} output (${port.type})`}
            className="!h-3 !w-3 !border-2 !border-[var(--color-panel)]"
            style={{ background: PORT_COLORS[port.type] }}
            data-port-type={port.type}
          />
        </div>
      ))}
    </div>
  );
}
