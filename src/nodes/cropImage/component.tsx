"use client";
import { memo } from "react";
import { NodeShell } from "@/components/canvas/node-shell";
import { PercentField } from "@/components/canvas/percent-field";
import { PortRow } from "@/components/canvas/port-row";
import { readData } from "@/components/canvas/read-data";
import { useInputValue } from "@/components/canvas/use-input-value";
import { useConnectedInputs } from "@/components/canvas/use-node-state";
import type { NodeViewProps } from "../types";
import { CropBoxPreview } from "./crop-box-preview";
import { cropImageNode, ZCropData } from "./definition";

const FIELDS = ["x_percent", "y_percent", "width_percent", "height_percent"] as const;
type Field = (typeof FIELDS)[number];

/** A box value as the run will see it: the connected one when it is known, else the field's, else the default. */
function useBoxValue(id: string, name: Field, manual: number | undefined, connected: boolean): number {
  const arriving = useInputValue(id, name);
  const value = connected ? arriving : manual;
  return typeof value === "number" ? value : (cropImageNode.defaults[name] ?? 0);
}

function CropImageNodeView({ id, data, selected, definition }: NodeViewProps) {
  const values = readData(ZCropData, data);
  const connected = useConnectedInputs(id);
  const image = useInputValue(id, "image_url");
  const crop = {
    x_percent: useBoxValue(id, "x_percent", values.x_percent, !!connected.x_percent),
    y_percent: useBoxValue(id, "y_percent", values.y_percent, !!connected.y_percent),
    width_percent: useBoxValue(id, "width_percent", values.width_percent, !!connected.width_percent),
    height_percent: useBoxValue(id, "height_percent", values.height_percent, !!connected.height_percent),
  };
  const { inputs } = cropImageNode;
  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      <PortRow name="image_url" port={inputs.image_url} connections={connected.image_url ?? 0}>
        {!connected.image_url && <p className="text-xs text-zinc-500">Connect an image</p>}
      </PortRow>
      <div className="px-3 pb-1">
        <CropBoxPreview nodeId={id} src={typeof image === "string" ? image : undefined} crop={crop} />
      </div>
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
