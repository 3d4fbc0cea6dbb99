/**
 * The graphs the run benchmarks send to `POST /api/execute`: a text node, then N LLM nodes in a
 * chain or all fed by the text at once, or a graph from a JSON file.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

type GraphNode = {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: Record<string, unknown>;
};
type GraphEdge = { id: string; source: string; sourceHandle: string; target: string; targetHandle: string };
export type Graph = { nodes: GraphNode[]; edges: GraphEdge[] };

const textNode = (id: string): GraphNode => ({
  id,
  type: "text",
  position: { x: 0, y: 0 },
  data: { text: "hello bench" },
});
const llmNode = (id: string, i: number, model: string): GraphNode => ({
  id,
  type: "llm",
  position: { x: 300 * i, y: 0 },
  data: { provider: "openai-compatible", model, system_prompt: id },
});
const edge = (source: string, sourceHandle: string, target: string): GraphEdge => ({
  id: `${source}->${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: "user_message",
});

/**
 * `chain:N` (text → LLM → … → LLM, N LLM nodes; N may be 0: the text node alone), `fanout:N`
 * (text → N LLM side by side), or a path to `{"nodes": [...], "edges": [...]}`. Throws on a bad spec.
 */
export function buildGraph(
  spec: string,
  options: { model?: string } = {},
): { graph: Graph; llmCalls: number; label: string } {
  const model = options.model ?? "soak";
  const shape = /^(chain|fanout):(\d{1,3})$/.exec(spec);
  if (shape) {
    const n = Number(shape[2]);
    if (n < 1 && shape[1] === "fanout") throw new Error("--graph fanout:N needs N ≥ 1");
    const nodes = [textNode("t")];
    const edges: GraphEdge[] = [];
    for (let i = 1; i <= n; i++) {
      nodes.push(llmNode(`llm-${i}`, i, model));
      if (shape[1] === "fanout" || i === 1) edges.push(edge("t", "text", `llm-${i}`));
      else edges.push(edge(`llm-${i - 1}`, "output", `llm-${i}`));
    }
    const label = shape[1] === "chain" ? `text${" → LLM".repeat(n)}` : `text → ${n} LLM in parallel`;
    return { graph: { nodes, edges }, llmCalls: n, label };
  }
  const path = resolve(spec);
  if (!existsSync(path)) throw new Error(`--graph: no such file ${path} (or use chain:N / fanout:N)`);
  const graph = JSON.parse(readFileSync(path, "utf8")) as Graph;
  if (!Array.isArray(graph.nodes) || !Array.isArray(graph.edges))
    throw new Error(`--graph ${path}: want {"nodes": [...], "edges": [...]}`);
  return {
    graph: { nodes: graph.nodes, edges: graph.edges },
    llmCalls: graph.nodes.filter((n) => n.type === "llm").length,
    label: spec,
  };
}

export const EDITOR_SHAPES = ["fanout", "chain", "two"] as const;
export type EditorShape = (typeof EDITOR_SHAPES)[number];

/**
 * The editor benches' workflows: `fanout` (a Text node feeding 499 LLM nodes), `chain` (Text → 499
 * LLM in a line), `two` (Text → LLM); the LLM nodes sit on a 20-wide grid right of the Text node,
 * which is level with the grid's middle row.
 * No id starts with "text-", the prefix of a Text node the editor adds.
 */
export function editorGraph(shape: EditorShape): Graph {
  const llms = shape === "two" ? 1 : 499;
  const rows = Math.ceil(llms / 20);
  // Level with the grid's middle row, where a view fitted to the whole graph has it on screen.
  const middle = Math.floor((rows - 1) / 2) * 620;
  const nodes: GraphNode[] = [{ id: "t", type: "text", position: { x: 0, y: middle }, data: { text: "Write a tagline for a lamp." } }];
  const edges: GraphEdge[] = [];
  for (let i = 1; i <= llms; i++) {
    const position = { x: 420 + ((i - 1) % 20) * 360, y: Math.floor((i - 1) / 20) * 620 };
    nodes.push({ id: `llm-${i}`, type: "llm", position, data: { provider: "openai-compatible", model: "soak", system_prompt: `You are writer ${i}.` } });
    const [source, sourceHandle] = shape === "chain" && i > 1 ? [`llm-${i - 1}`, "output"] : ["t", "text"];
    edges.push({ id: `e-${i}`, source, sourceHandle, target: `llm-${i}`, targetHandle: "user_message" });
  }
  return { nodes, edges };
}
