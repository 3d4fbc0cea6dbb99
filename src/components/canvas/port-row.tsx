/**
 * One input port: its coloured handle on the node's left edge, its label, and the manual
 * field (greyed out and disabled while a connection provides the value).
 */
import { Handle, Position } from "@xyflow/react";
import type { ReactNode } from "react";
import type { NodePort } from "@/nodes/types";
import { PORT_COLORS } from "./port-colors";

export function PortRow(props: { name: string; port: NodePort; connections: number; children?: ReactNode }) {
  const { name, port, connections, children } = props;
  const connected = connections > 0;
  return (
    <div className="relative px-3 py-1.5" data-testid={`port-${name}`} data-connected={connected ? "true" : "false"}>
      <Handle
        type="target"
        position={Position.Left}
        id={name}
        aria-label={`${port.label} input (${port.type})`}
        className="!h-3 !w-3 !border-2 !border-[var(--color-panel)]"
        style={{ background: PORT_COLORS[port.type] }}
        data-port-type={port.type}
      />
      <div className="mb-1 flex items-center gap-1.5 text-[11px] uppercase tracking-wide text-zinc-400">
        <span className="h-1.5 w-1.5 rounded-full" style={{ background: PORT_COLORS[port.type] }} />
        {port.label}
        {port.required && <span className="text-zinc-500">*</span>}
        {connected && (
          <span className="ml-auto normal-case tracking-normal text-zinc-500">
            {port.many ? `${connections} connected` : "connected"}
          </span>
        )}
      </div>
      {children && <fieldset disabled={connected} className={connected ? "pointer-events-none opacity-35" : ""}>{children}</fieldset>}
    </div>
  );
}
