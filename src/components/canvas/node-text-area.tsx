/**
 * A multi-line text parameter inside a node: typing updates `data[field]` (one undo step per
 * burst). A text too large to save says so under the box, with its size and the limit.
 */
"use client";
import { useMemo } from "react";
import { textSizeProblem } from "@/lib/client/size-limits";
import { useEditorStore } from "@/stores/editor-store";
import { TEXTAREA } from "./field-styles";
import { updateNodeData } from "./use-node-state";

export function NodeTextArea(props: { nodeId: string; field: string; label: string; placeholder: string; value: string | undefined; testId?: string; className?: string }) {
  const { nodeId, field, label, placeholder, value, testId = `field-${field}-${nodeId}`, className = "" } = props;
  const maxBodyBytes = useEditorStore((s) => s.maxBodyBytes);
  const sizeProblem = useMemo(() => textSizeProblem(value ?? "", maxBodyBytes), [value, maxBodyBytes]);
  const textarea = (
    <textarea
      aria-label={label}
      data-testid={testId}
      className={`${TEXTAREA} ${className}`}
      placeholder={placeholder}
      value={value ?? ""}
      onChange={(e) => updateNodeData(nodeId, { [field]: e.currentTarget.value }, field)}
    />
  );
  if (!sizeProblem) return textarea;
  return (
    <>
      {textarea}
      <p role="alert" data-testid={`size-${testId}`} className="mt-1 rounded-md bg-red-500/10 px-2 py-1 text-xs text-red-200">
        {sizeProblem}
      </p>
    </>
  );
}
