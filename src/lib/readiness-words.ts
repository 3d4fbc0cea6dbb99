/**
 * A readiness problem as a person reads it on the node: the field by its own label (not
 * `user_message`), and what to do when it is empty — type it, or connect a node that gives it.
 */
import { nodeCatalogue } from "@/nodes/registry";

const EMPTY = /\b(required|empty|missing)\b/i;

function labelOf(field: string): string {
  const words = field.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function readinessWords(nodeType: string | undefined, field: string | undefined, message: string): string {
  if (!field) return message;
  const definition = nodeType ? nodeCatalogue.get(nodeType) : undefined;
  const port = definition?.inputs[field];
  const label = port?.label ?? labelOf(field);
  if (port && EMPTY.test(message)) {
    const typed = definition && field in (definition.defaults as Record<string, unknown>);
    const source = port.type === "text" ? "a Text node" : `a node that gives ${port.type === "image" ? "an image" : `a ${port.type}`}`;
    return typed ? `${label} is empty: type it here or connect ${source}.` : `${label} is missing: connect ${source}.`;
  }
  return `${label}: ${message}`;
}
