"use client";
import { memo } from "react";
import { NodeShell } from "@/components/canvas/node-shell";
import { PercentField } from "@/components/canvas/percent-field";
import { PortRow } from "@/components/canvas/port-row";
import { readData } from "@/components/canvas/read-data";
import { useConnectedInputs } from "@/components/canvas/use-node-state";
import type { NodeViewProps } from "../types";
import { cropImageNode, ZCropData } from "./definition";

const FIELDS = ["x_percent", "y_percent", "width_percent", "height_percent"] as const;

function CropImageNodeView({ id, data, selected, definition }: NodeViewProps) {
  const values = readData(ZCropData, data);
  const connected = useConnectedInputs(id);
  const { inputs } = cropImageNode;
  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      <PortRow name="image_url" port={inputs.image_url} connections={connected.image_url ?? 0}>
        {!connected.image_url && <p className="text-xs text-zinc-500">Connect an image</p>}
      </PortRow>
      <div className="grid grid-cols-2">
        {FIELDS.map((name) => (
          <PortRow key={name} name={name} port={inputs[name]} connections={connected[name] ?? 0}>
            <PercentField nodeId={id} name={name} label={inputs[name].label} value={values[name]} />
          </PortRow>
        ))}
      </div>
    </NodeShell>
  );
}

export default memo(CropImageNodeView);
