"use client";
import { memo, useState } from "react";
import { FIELD } from "@/components/canvas/field-styles";
import { NodeShell } from "@/components/canvas/node-shell";
import { PortRow } from "@/components/canvas/port-row";
import { readData } from "@/components/canvas/read-data";
import { updateNodeData, useConnectedInputs } from "@/components/canvas/use-node-state";
import type { NodeViewProps } from "../types";
import { extractFrameNode, parseTimestampText } from "./definition";

function ExtractFrameNodeView({ id, data, selected, definition }: NodeViewProps) {
  const { timestamp } = readData(extractFrameNode.data, data);
  const connected = useConnectedInputs(id);
  const saved = timestamp === undefined ? "" : String(timestamp);
  const [draft, setDraft] = useState<string | null>(null);
  const { inputs } = extractFrameNode;
  const invalid = draft !== null && parseTimestampText(draft) === undefined;

  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      <PortRow name="video_url" port={inputs.video_url} connections={connected.video_url ?? 0}>
        {!connected.video_url && <p className="text-xs text-zinc-500">Connect a video</p>}
      </PortRow>
      <PortRow name="timestamp" port={inputs.timestamp} connections={connected.timestamp ?? 0}>
        <input
          aria-label="Timestamp (seconds or percent)"
          data-testid={`field-timestamp-${id}`}
          className={FIELD}
          placeholder='seconds (2.5) or percent ("50%")'
          value={draft ?? saved}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const timestamp = parseTimestampText(text);
            if (timestamp !== undefined) updateNodeData(id, { timestamp }, "timestamp");
          }}
          onBlur={() => setDraft(null)}
        />
        {invalid && <p className="mt-1 text-xs text-amber-300">Use seconds (2.5) or a percentage (50%)</p>}
      </PortRow>
    </NodeShell>
  );
}

export default memo(ExtractFrameNodeView);
