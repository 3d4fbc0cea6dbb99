/** What the command palette offers for a request: node types (only those a dropped wire fits) and then commands. */
import { fuzzyFilter } from "@/lib/search/fuzzy-score";
import { compatiblePort } from "@/nodes/compatible-ports";
import type { NodeDefinition } from "@/nodes/types";
import type { CommandContext, EditorCommand } from "./command-types";
import type { PaletteRequest } from "./overlays";

export type PaletteEntry =
  | { kind: "node"; id: string; title: string; definition: NodeDefinition; enabled: boolean }
  | { kind: "command"; id: string; title: string; command: EditorCommand; enabled: boolean };

export function paletteEntries(
  request: PaletteRequest,
  definitions: readonly NodeDefinition[],
  commands: readonly EditorCommand[],
  ctx: CommandContext,
  canAddNodes: boolean,
): PaletteEntry[] {
  const nodes: PaletteEntry[] = definitions
    .filter((d) => d.sidebar !== "hidden" && (!request.wire || compatiblePort(d, request.wire) !== null))
    .map((definition) => ({ kind: "node", id: `node:${definition.type}`, title: definition.label, definition, enabled: canAddNodes }));
  if (request.wire || request.nodesOnly) return nodes;
  const actions: PaletteEntry[] = commands
    .filter((c) => c.palette !== false)
    .map((command) => ({ kind: "command", id: command.id, title: command.title, command, enabled: command.enabled?.(ctx) ?? true }));
  return [...nodes, ...actions];
}

/** The entries matching `query`, best first; those that cannot run now go last, so Enter picks one that can. */
export function searchPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const found = fuzzyFilter(entries, query, (e) => (e.kind === "node" ? [e.title, e.definition.type] : [e.title]));
  return [...found.filter((e) => e.enabled), ...found.filter((e) => !e.enabled)];
}
