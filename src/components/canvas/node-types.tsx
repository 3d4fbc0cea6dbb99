/**
 * React Flow's node types, one per catalogue entry: the type's own view once loaded, the
 * generic view otherwise. At module scope so the canvas never re-creates them.
 */
import type { NodeProps, NodeTypes } from "@xyflow/react";
import { memo } from "react";
import type { NodeCatalogue } from "@/engine/node-catalogue";
import { nodeCatalogue } from "@/nodes/registry";
import type { NodeDefinition } from "@/nodes/types";
import { GenericNodeView } from "./generic-node-view";
import { useNodeView } from "./node-views";

function catalogueNode(definition: NodeDefinition) {
  function CatalogueNode(props: NodeProps) {
    const View = useNodeView(definition);
    return View ? <View {...props} definition={definition} /> : <GenericNodeView {...props} definition={definition} />;
  }
  return memo(CatalogueNode);
}

export function createNodeTypes(catalogue: NodeCatalogue<NodeDefinition>): NodeTypes {
  return Object.fromEntries(catalogue.list().map((definition) => [definition.type, catalogueNode(definition)]));
}

export const NODE_TYPES = createNodeTypes(nodeCatalogue);
