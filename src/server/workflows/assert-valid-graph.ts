import "server-only";
import { validateGraph, type TGraph } from "@/engine";
import { nodeCatalogue } from "@/nodes/registry";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";

/** Structural graph check on every save (DESIGN §3): 400 listing every problem with its path. */
export function assertValidGraph(graph: { nodes: unknown; edges: unknown }, pathPrefix = ""): TGraph {
  const config = env();
  const result = validateGraph(graph, nodeCatalogue, { maxNodes: config.GALAXY_MAX_NODES, maxEdges: config.GALAXY_MAX_EDGES });
  if (result.ok) return result.graph;
  const issues = result.issues.map((issue) => ({ ...issue, path: pathPrefix + issue.path }));
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  throw new AppError("VALIDATION_FAILED", `invalid graph: ${shown.join("; ")}`, { issues });
}
