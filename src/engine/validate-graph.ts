/**
 * Structural validation of a graph, run on every save: it reports every problem at once,
 * each with a path into the submitted JSON (`nodes[3].data.x_percent`). A half-finished
 * node (empty prompt, no upload yet) is valid here; that is readiness (check-readiness.ts).
 */
import { z } from "zod";
import { describeCycle, findCycles, indexGraph } from "./graph-index";
import { ZGraphEdge, ZGraphNode, type TGraph, type TGraphEdge, type TGraphNode } from "./graph-schema";
import type { NodeCatalogue, NodeSpec } from "./node-catalogue";

export type GraphIssueCode =
  | "invalid_shape"
  | "too_many_nodes"
  | "too_many_edges"
  | "unknown_node_type"
  | "invalid_data"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "missing_node"
  | "unknown_handle"
  | "type_mismatch"
  | "too_many_connections"
  | "cycle";

export interface GraphIssue {
  /** Where in the submitted JSON, e.g. `nodes[3].data.x_percent` or `edges[2].targetHandle`. */
  path: string;
  message: string;
  code: GraphIssueCode;
}

export interface GraphLimits {
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_GRAPH_LIMITS: GraphLimits = { maxNodes: 500, maxEdges: 2000 };

export type ValidateGraphResult = { ok: true; graph: TGraph } | { ok: false; issues: GraphIssue[] };

const ZGraphEnvelope = z.object({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) });

/** `["nodes", 3, "data", "x_percent"]` → `nodes[3].data.x_percent` */
export function formatIssuePath(path: readonly PropertyKey[], base = ""): string {
  let out = base;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function zodIssues(error: z.ZodError, base: string, code: GraphIssueCode): GraphIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path, base) || base, message: issue.message, code }));
}

function listPorts(ports: Record<string, unknown>): string {
  const names = Object.keys(ports);
  return names.length > 0 ? names.join(", ") : "none";
}

/**
 * Checks a submitted graph's shape and structure and reports every problem at once.
 *
 * @example
 * const result = validateGraph(body.graph, catalogue);
 * if (!result.ok) return badRequest("invalid graph", result.issues);
 * // result.issues: [{ path: "edges[0]", code: "type_mismatch", message: "cannot connect image output …" }]
 * await saveWorkflow(result.graph);
 */
export function validateGraph(graph: unknown, catalogue: NodeCatalogue, limits: Partial<GraphLimits> = {}): ValidateGraphResult {
  const { maxNodes, maxEdges } = { ...DEFAULT_GRAPH_LIMITS, ...limits };
  const envelope = ZGraphEnvelope.safeParse(graph);
  if (!envelope.success) return { ok: false, issues: zodIssues(envelope.error, "", "invalid_shape") };

  const issues: GraphIssue[] = [];
  const { nodes: rawNodes, edges: rawEdges } = envelope.data;
  if (rawNodes.length > maxNodes) {
    issues.push({ path: "nodes", code: "too_many_nodes", message: `too many nodes: ${rawNodes.length} (the limit is ${maxNodes})` });
  }
  if (rawEdges.length > maxEdges) {
    issues.push({ path: "edges", code: "too_many_edges", message: `too many edges: ${rawEdges.length} (the limit is ${maxEdges})` });
  }

  // Parse item by item, so one malformed node does not hide problems elsewhere.
  const nodes: (TGraphNode | undefined)[] = rawNodes.map((raw, i) => {
    const parsed = ZGraphNode.safeParse(raw);
    if (!parsed.success) issues.push(...zodIssues(parsed.error, `nodes[${i}]`, "invalid_shape"));
    return parsed.success ? parsed.data : undefined;
  });
  const edges: (TGraphEdge | undefined)[] = rawEdges.map((raw, e) => {
    const parsed = ZGraphEdge.safeParse(raw);
    if (!parsed.success) issues.push(...zodIssues(parsed.error, `edges[${e}]`, "invalid_shape"));
    return parsed.success ? parsed.data : undefined;
  });

  // A malformed node still counts as present when it has a usable id: no false "missing node".
  const nodeIds = rawNodes.map((raw, i) => nodes[i]?.id ?? idOf(raw));
  const idNodes = nodeIds.map((id) => ({ id }));
  const index = indexGraph({ nodes: idNodes, edges: edges.map((edge) => edge ?? { source: undefined, target: undefined }) });

  const specs: (NodeSpec | undefined)[] = nodes.map((node, i) => {
    if (!node) return undefined;
    const first = index.indexOf.get(node.id);
    if (first !== i) {
      issues.push({ path: `nodes[${i}].id`, code: "duplicate_node_id", message: `duplicate node id "${node.id}" (also nodes[${first}])` });
    }
    const spec = catalogue.get(node.type);
    if (!spec) {
      issues.push({ path: `nodes[${i}].type`, code: "unknown_node_type", message: `unknown node type "${node.type}"` });
      return undefined;
    }
    const data = spec.data.safeParse(node.data);
    if (!data.success) issues.push(...zodIssues(data.error, `nodes[${i}].data`, "invalid_data"));
    return spec;
  });

  issues.push(...checkEdges(nodes, edges, specs, index));

  for (const cycle of findCycles(index)) {
    issues.push({ path: `edges[${cycle.closingEdge}]`, code: "cycle", message: describeCycle({ nodes: idNodes }, cycle) });
  }

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, graph: { nodes: nodes as TGraphNode[], edges: edges as TGraphEdge[] } };
}

function idOf(raw: unknown): string | undefined {
  if (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" && raw.id !== "") return raw.id;
  return undefined;
}

function checkEdges(
  nodes: readonly (TGraphNode | undefined)[],
  edges: readonly (TGraphEdge | undefined)[],
  specs: readonly (NodeSpec | undefined)[],
  index: ReturnType<typeof indexGraph>,
): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const edgeIds = new Map<string, number>();
  const connectedInputs = new Map<string, number>();
  edges.forEach((edge, e) => {
    if (!edge) return;
    const first = edgeIds.get(edge.id);
    if (first === undefined) edgeIds.set(edge.id, e);
    else issues.push({ path: `edges[${e}].id`, code: "duplicate_edge_id", message: `duplicate edge id "${edge.id}" (also edges[${first}])` });

    const s = index.edgeSource[e];
    const t = index.edgeTarget[e];
    if (s < 0) issues.push({ path: `edges[${e}].source`, code: "missing_node", message: `no node with id "${edge.source}"` });
    if (t < 0) issues.push({ path: `edges[${e}].target`, code: "missing_node", message: `no node with id "${edge.target}"` });

    const sourceSpec = s >= 0 ? specs[s] : undefined;
    const targetSpec = t >= 0 ? specs[t] : undefined;
    const drawn = [sourceSpec, targetSpec].find((spec) => spec?.canvasOnly);
    if (drawn) {
      const id = drawn === sourceSpec ? edge.source : edge.target;
      issues.push({ path: `edges[${e}]`, code: "unknown_handle", message: `"${id}" is a ${drawn.type}, drawn on the canvas only: it has no ports to connect` });
      return;
    }
    const out = sourceSpec && Object.hasOwn(sourceSpec.outputs, edge.sourceHandle) ? sourceSpec.outputs[edge.sourceHandle] : undefined;
    const input = targetSpec && Object.hasOwn(targetSpec.inputs, edge.targetHandle) ? targetSpec.inputs[edge.targetHandle] : undefined;
    if (sourceSpec && !out) {
      issues.push({
        path: `edges[${e}].sourceHandle`,
        code: "unknown_handle",
        message: `"${edge.sourceHandle}" is not an output of ${sourceSpec.type} node "${edge.source}" (outputs: ${listPorts(sourceSpec.outputs)})`,
      });
    }
    if (targetSpec && !input) {
      issues.push({
        path: `edges[${e}].targetHandle`,
        code: "unknown_handle",
        message: `"${edge.targetHandle}" is not an input of ${targetSpec.type} node "${edge.target}" (inputs: ${listPorts(targetSpec.inputs)})`,
      });
    }
    if (!out || !input) return;
    if (out.type !== input.type) {
      issues.push({
        path: `edges[${e}]`,
        code: "type_mismatch",
        message: `cannot connect ${out.type} output "${edge.sourceHandle}" of "${edge.source}" to ${input.type} input "${edge.targetHandle}" of "${edge.target}"`,
      });
    }
    const key = `${t}\u0000${edge.targetHandle}`;
    const earlier = connectedInputs.get(key);
    if (earlier === undefined) connectedInputs.set(key, e);
    else if (!input.many) {
      issues.push({
        path: `edges[${e}].targetHandle`,
        code: "too_many_connections",
        message: `input "${edge.targetHandle}" of "${nodes[t]?.id ?? edge.target}" accepts one connection and edges[${earlier}] already connects it`,
      });
    }
  });
  return issues;
}
