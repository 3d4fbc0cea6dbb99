/** The name people see for a node (DESIGN §9): its `data.label` when set, else its type's name. */
import { nodeCatalogue } from "./registry";

export function nodeName(node: { type?: string; data?: unknown }): string {
  const label = (node.data as { label?: unknown } | undefined)?.label;
  if (typeof label === "string" && label.trim() !== "") return label.trim();
  return (node.type && nodeCatalogue.get(node.type)?.label) || node.type || "node";
}
