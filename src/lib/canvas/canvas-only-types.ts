/**
 * Node types that live only on the canvas (DESIGN §9): a sticky `note` and a `frame` behind
 * nodes. They have no ports, never run, and tools that arrange or summarise the data flow
 * (tidy up, dashboard previews) treat them apart.
 */
export const CANVAS_ONLY_TYPES: ReadonlySet<string> = new Set(["note", "frame"]);

export function isCanvasOnlyType(type: string | undefined): boolean {
  return type !== undefined && CANVAS_ONLY_TYPES.has(type);
}
