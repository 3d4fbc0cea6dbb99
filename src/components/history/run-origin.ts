/**
 * Where a run came from and what it covered, in words for history and run details (DESIGN §9):
 * "Editor" or "API", and for a single-node or selection run the nodes it was for —
 * "Single: Run Any LLM", "Selection: 3 nodes — Crop Image, Writer, …".
 */
import type { RunScope } from "@/lib/client/types";

export const SOURCE_LABEL: Record<"editor" | "api", string> = { editor: "Editor", api: "API" };

/** The nodes a SINGLE or PARTIAL run was for, named by `nameOf`, at most `shown` names; null for a full run. */
export function coveredNodes(run: { scope: RunScope; targetNodeIds: string[] }, nameOf: (nodeId: string) => string, shown = Infinity): string | null {
  if (run.scope === "FULL" || run.targetNodeIds.length === 0) return null;
  const names = run.targetNodeIds.map(nameOf);
  if (run.scope === "SINGLE") return `Single: ${names[0]}`;
  const listed = names.length > shown ? [...names.slice(0, shown), "…"] : names;
  return `Selection: ${names.length} node${names.length === 1 ? "" : "s"} — ${listed.join(", ")}`;
}
