/** The view of a node type without a component of its own: header, its inputs as ports to connect, its outputs. */
"use client";
import type { NodeViewProps } from "@/nodes/types";
import { NodeShell } from "./node-shell";
import { PortRow } from "./port-row";
import { useConnectedInputs } from "./use-node-state";

export function GenericNodeView({ id, selected, definition }: NodeViewProps) {
  const connected = useConnectedInputs(id);
  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      {Object.entries(definition.inputs).map(([name, port]) => (
        <PortRow key={name} name={name} port={port} connections={connected[name] ?? 0} />
      ))}
    </NodeShell>
  );
}
