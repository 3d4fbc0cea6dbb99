/** Adds a node in the middle of the visible canvas, nudged so repeated adds don't stack exactly. */
import { LLM_PROVIDERS, SUGGESTED_MODELS } from "@/nodes/llm/definition";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";

let nudge = 0;

/** A new LLM node starts on a provider this server has configured, when the default is not. */
export function initialData(type: string): Record<string, unknown> | undefined {
  if (type !== "llm" && type !== "vision") return undefined;
  const providers = useEditorStore.getState().providers;
  if (!providers || providers.google) return undefined;
  const provider = LLM_PROVIDERS.find((p) => providers[p]);
  return provider ? { provider, model: SUGGESTED_MODELS[provider][0] } : undefined;
}

export function addNodeAtCenter(type: string, screenToFlowPosition: (p: { x: number; y: number }) => { x: number; y: number }): string {
  const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  const center = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
  const p = screenToFlowPosition(center);
  const offset = (nudge++ % 6) * 28;
  return useGraphStore.getState().addNode(type, { x: p.x - 150 + offset, y: p.y - 80 + offset }, initialData(type));
}
