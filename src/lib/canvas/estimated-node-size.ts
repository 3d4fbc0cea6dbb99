/**
 * A node's size guessed from its definition, before (or without) drawing it: by the canvas for
 * nodes not yet measured (`components/canvas/estimated-size.ts`), by tidy up, and by the
 * dashboard's previews. Rough row heights of `NodeShell`, whose width is fixed.
 */
import { nodeCatalogue } from "@/nodes/registry";

export const NODE_WIDTH = 300;
export const NODE_HEADER = 41;
export const INPUT_ROW = 84;
export const OUTPUT_ROW = 24;
/** The fixed result area under a node that shows its result inline (result-area.tsx), below its outputs. */
const RESULT_AREA = 230;

export function estimatedNodeSize(type: string): { width: number; height: number } {
  const definition = nodeCatalogue.get(type);
  // A resizable type (a note, a frame) starts at its own size.
  if (definition?.initialSize) return { ...definition.initialSize };
  const inputs = Object.keys(definition?.inputs ?? {}).length;
  const outputs = Object.keys(definition?.outputs ?? {}).length;
  const result = definition?.inlineResult !== false && outputs > 0 ? RESULT_AREA : 0;
  return { width: NODE_WIDTH, height: NODE_HEADER + inputs * INPUT_ROW + outputs * OUTPUT_ROW + 12 + result };
}
