/**
 * A body is measured before it is sent: one over the server's limit is refused here, in
 * words that name the nodes taking the most room, instead of by a 413 after the upload.
 */
import { nodeName } from "@/nodes/node-name";
import { bodySizeProblem, utf8Bytes } from "./size-limits";
import type { WireGraph } from "./types";

export type BodySizeCheck = { ok: true } | { ok: false; message: string; nodeIds: string[] };

const NAMED = 3;

export function checkBodySize(what: "workflow" | "run", body: unknown, graph: WireGraph, maxBodyBytes: number): BodySizeCheck {
  const bytes = utf8Bytes(JSON.stringify(body));
  if (bytes <= maxBodyBytes) return { ok: true };
  const biggest = graph.nodes
    .map((node) => ({ id: node.id, name: `“${nodeName(node)}”`, bytes: utf8Bytes(JSON.stringify(node.data ?? {})) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, NAMED)
    .filter((n) => n.bytes > maxBodyBytes / 10);
  return { ok: false, message: bodySizeProblem(what, bytes, maxBodyBytes, biggest), nodeIds: biggest.map((n) => n.id) };
}
