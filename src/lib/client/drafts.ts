/**
 * Unsaved edits kept in localStorage, per workflow, so a reload or a crash never loses
 * work. A draft records the server version it was based on; it is cleared once saved.
 */
import type { WireGraph } from "./types";

export interface Draft {
  graph: WireGraph;
  name?: string;
  baseVersion: number;
  savedAt: number;
}

const key = (workflowId: string) => `galaxy:draft:${workflowId}`;

export function readDraft(workflowId: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(workflowId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(workflowId: string, draft: Omit<Draft, "savedAt">): void {
  try {
    window.localStorage.setItem(key(workflowId), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    /* storage full or disabled: autosave to the server still runs */
  }
}

export function clearDraft(workflowId: string): void {
  try {
    window.localStorage.removeItem(key(workflowId));
  } catch {
    /* ignore */
  }
}
