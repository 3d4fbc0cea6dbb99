/** The pointer's last place over the canvas (screen pixels): where a paste or a palette's node lands. */
import type { XYPosition } from "@xyflow/react";

let last: XYPosition | null = null;

export function notePointer(x: number, y: number): void {
  last = { x, y };
}

export function forgetPointer(): void {
  last = null;
}

export function lastPointer(): XYPosition | null {
  return last;
}
