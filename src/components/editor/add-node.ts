/** Adds a node in the middle of the visible canvas, nudged so repeated adds don't stack exactly. */
import { readProviders } from "@/lib/client/queries/integrations";
import { getQueryClient } from "@/lib/client/queries/query-client";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";

let nudge = 0;

/** What the type lays over its defaults when added now (an LLM node starts on a configured provider). */
export function initialData(type: string): Record<string, unknown> | undefined {
  return nodeCatalogue.get(type)?.initialData?.({ providers: readProviders(getQueryClient()) });
}

export function addNodeAtCenter(type: string, screenToFlowPosition: (p: { x: number; y: number }) => { x: number; y: number }): string {
  const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  const center = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
  const p = screenToFlowPosition(center);
  const offset = (nudge++ % 6) * 28;
  return useGraphStore.getState().addNode(type, { x: p.x - 150 + offset, y: p.y - 80 + offset }, initialData(type));
}
