/** How logs and error texts name a node: its id, with the name people gave it (`data.label`) when it has one. */

/**
 * @example
 * nodeLogName({ id: "llm-fhn8nf", data: { label: "Headline writer" } }); // '"Headline writer" (llm-fhn8nf)'
 * nodeLogName({ id: "llm-fhn8nf", data: {} }); // '"llm-fhn8nf"'
 */
export function nodeLogName(node: { id: string; data?: Record<string, unknown> }): string {
  const label = node.data?.label;
  return typeof label === "string" && label.trim() !== "" ? `${JSON.stringify(label.trim())} (${node.id})` : JSON.stringify(node.id);
}
