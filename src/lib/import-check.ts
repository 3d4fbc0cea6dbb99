/**
 * Checks a file someone wants to import as a workflow (in the editor or on the dashboard) with
 * the shared graph validator, and says what is wrong in plain words, with what to do next —
 * never a validator's path and message ("nodes Invalid input: expected array…").
 */
import { validateGraph, type GraphIssue } from "@/engine/validate-graph";
import type { TGraph } from "@/engine/graph-schema";
import { nodeCatalogue } from "@/nodes/registry";

/** A refusal keeps the API's error codes: INVALID_JSON for a file that is not JSON, else VALIDATION_FAILED. */
export type ImportCheck = { ok: true; graph: TGraph; json: unknown } | { ok: false; code: "INVALID_JSON" | "VALIDATION_FAILED"; message: string };

const EXPORT_HINT = "Choose a file made with Export (a .galaxy.json file).";

/** Finds the graph inside an exported file (`{nodes, edges}`, or wrapped in `workflow`). */
export function graphFromJson(json: unknown): unknown {
  if (json && typeof json === "object") {
    const o = json as Record<string, unknown>;
    if (Array.isArray(o.nodes)) return { nodes: o.nodes, edges: o.edges ?? [] };
    if (o.workflow) return graphFromJson(o.workflow);
  }
  return json;
}

/** `nodes[3].data.x_percent` → node 4 and the rest of the path (`data.x_percent`). */
function nodeOf(path: string): { number: number; rest: string } | null {
  const match = /^nodes\[(\d+)\]\.?(.*)$/.exec(path);
  return match ? { number: Number(match[1]) + 1, rest: match[2] } : null;
}

function edgeOf(path: string): number | null {
  const match = /^edges\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) + 1 : null;
}

/** One validator issue as a sentence a person can act on. */
export function plainImportIssue(issue: GraphIssue): string {
  const node = nodeOf(issue.path);
  const edge = edgeOf(issue.path);
  switch (issue.code) {
    case "invalid_shape":
      if (issue.path === "nodes" || issue.path === "") return "it has no list of nodes";
      if (issue.path === "edges") return "its connections (edges) are not a list";
      if (node) return `node ${node.number} is incomplete (${node.rest || "it is not an object"}: ${issue.message.toLowerCase()})`;
      if (edge) return `connection ${edge} is incomplete (${issue.message.toLowerCase()})`;
      return issue.message;
    case "unknown_node_type":
      return `node ${node?.number ?? "?"} is of a type Galaxy does not know (${issue.message.replace(/^unknown node type /, "")})`;
    case "invalid_data":
      return `node ${node?.number ?? "?"} has a setting Galaxy cannot use (${node?.rest.replace(/^data\.?/, "") || "its data"}: ${issue.message.toLowerCase()})`;
    case "missing_node":
      return `connection ${edge ?? "?"} points to a node that is not in the file (${issue.message.replace(/^no node with id /, "")})`;
    default:
      // The others already name the nodes and ports concerned (a cycle, a type mismatch, a duplicate id, a limit).
      return issue.message;
  }
}

/** The whole message for a graph that failed validation: the first problem, and how many more. */
export function importProblemText(issues: GraphIssue[]): string {
  const first = issues[0];
  if (!first) return "This workflow cannot be imported.";
  const sentence = plainImportIssue(first);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more ${issues.length === 2 ? "problem" : "problems"})` : "";
  if (first.code === "invalid_shape" && (first.path === "nodes" || first.path === "edges" || first.path === "")) {
    return `This file is not a Galaxy workflow: ${sentence}. ${EXPORT_HINT}`;
  }
  return `This workflow cannot be imported: ${sentence}${more}. Fix the file, or export the workflow again.`;
}

/**
 * Reads and checks an import file's text.
 *
 * @example
 * checkImport('{"name":"x"}'); // { ok: false, code: "VALIDATION_FAILED", message: "This file is not a Galaxy workflow: it has no list of nodes. Choose a file made with Export (a .galaxy.json file)." }
 */
export function checkImport(text: string): ImportCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: "INVALID_JSON", message: `This file is not JSON, so it cannot be a Galaxy workflow. ${EXPORT_HINT}` };
  }
  const checked = validateGraph(graphFromJson(json), nodeCatalogue);
  return checked.ok ? { ok: true, graph: checked.graph, json } : { ok: false, code: "VALIDATION_FAILED", message: importProblemText(checked.issues) };
}
