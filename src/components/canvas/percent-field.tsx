"use client";
import { FIELD } from "./field-styles";
import { updateNodeData } from "./use-node-state";

/** A 0–100 number field writing straight into node data (clamped, so a save never fails on it). */
export function PercentField({ nodeId, name, label, value }: { nodeId: string; name: string; label: string; value: number | undefined }) {
  return (
    <input
      type="number"
      min={0}
      max={100}
      step={1}
      aria-label={label}
      data-testid={`field-${name}-${nodeId}`}
      className={FIELD}
      value={value ?? ""}
      onChange={(e) => {
        const v = e.currentTarget.valueAsNumber;
        updateNodeData(nodeId, { [name]: Number.isNaN(v) ? undefined : Math.min(100, Math.max(0, v)) }, name);
      }}
    />
  );
}
