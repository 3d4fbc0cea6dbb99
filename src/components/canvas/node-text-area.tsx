/** A multi-line text parameter inside a node: typing updates `data[field]` (one undo step per burst). */
"use client";
import { TEXTAREA } from "./field-styles";
import { updateNodeData } from "./use-node-state";

export function NodeTextArea(props: { nodeId: string; field: string; label: string; placeholder: string; value: string | undefined; testId?: string; className?: string }) {
  const { nodeId, field, label, placeholder, value, testId = `field-${field}-${nodeId}`, className = "" } = props;
  return (
    <textarea
      aria-label={label}
      data-testid={testId}
      className={`${TEXTAREA} ${className}`}
      placeholder={placeholder}
      value={value ?? ""}
      onChange={(e) => updateNodeData(nodeId, { [field]: e.currentTarget.value }, field)}
    />
  );
}
