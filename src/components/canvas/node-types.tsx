/**
 * React Flow's node types, one per catalogue entry: the type's own view once loaded, the
 * generic view otherwise. At module scope so the canvas never re-creates them.
 *
 * React Flow re-renders a node whenever its position, measured size or z-index changes (every
 * drag step; every node once after the first measuring). A view draws none of those, so it gets
 * only `NodeViewProps` and re-renders only when one of them changes: on a 500-node canvas the
 * first measuring then costs no second render of every node. Below `OUTLINE_BELOW_ZOOM` a node
 * is drawn as its outline (`node-outline.tsx`).
 */
import { useStore, type NodeProps, type NodeTypes, type ReactFlowState } from "@xyflow/react";
import { memo } from "react";
import type { NodeCatalogue } from "@/engine/node-catalogue";
import { nodeCatalogue } from "@/nodes/registry";
import type { NodeDefinition } from "@/nodes/types";
import { GenericNodeView } from "./generic-node-view";
import { NodeOutline, OUTLINE_BELOW_ZOOM } from "./node-outline";
import { useNodeView } from "./node-views";

const zoomedOut = (s: ReactFlowState) => s.transform[2] < OUTLINE_BELOW_ZOOM;

const sameView = (a: NodeProps, b: NodeProps) => a.id === b.id && a.type === b.type && a.data === b.data && a.selected === b.selected;

function catalogueNode(definition: NodeDefinition) {
  function CatalogueNode({ id, type, data, selected }: NodeProps) {
    const View = useNodeView(definition) ?? GenericNodeView;
    // Zoomed far out, fields cannot be read: the outline draws in a fraction of the time.
    if (useStore(zoomedOut)) return <NodeOutline id={id} definition={definition} selected={selected} />;
    return <View id={id} type={type} data={data} selected={selected} definition={definition} />;
  }
  return memo(CatalogueNode, sameView);
}

export function createNodeTypes(catalogue: NodeCatalogue<NodeDefinition>): NodeTypes {
  return Object.fromEntries(catalogue.list().map((definition) => [definition.type, catalogueNode(definition)]));
}

export const NODE_TYPES = createNodeTypes(nodeCatalogue);
