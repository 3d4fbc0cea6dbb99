/** The open workflow's identity and save state: version, name, conflict. */
import { create } from "zustand";
import type { WireGraph, Workflow } from "@/lib/client/types";

export type SaveStatus = "saved" | "dirty" | "saving" | "error";

export interface Conflict {
  /** The workflow as the server has it now. */
  theirs: Workflow;
  /** This tab's graph and name, unsaved. */
  mine: { graph: WireGraph; name: string };
}

interface EditorState {
  workflowId: string | null;
  name: string;
  tags: string[];
  version: number;
  /** The graph revision that the server has. */
  savedRevision: number;
  nameDirty: boolean;
  status: SaveStatus;
  error: string | null;
  conflict: Conflict | null;
  open: (workflow: Workflow, revision: number) => void;
  setName: (name: string) => void;
  set: (patch: Partial<EditorState>) => void;
}

export const useEditorStore = create<EditorState>()((set) => ({
  workflowId: null,
  name: "",
  tags: [],
  version: 0,
  savedRevision: 0,
  nameDirty: false,
  status: "saved",
  error: null,
  conflict: null,
  open: (workflow, revision) =>
    set({
      workflowId: workflow.id,
      name: workflow.name,
      tags: workflow.tags ?? [],
      version: workflow.version,
      savedRevision: revision,
      nameDirty: false,
      status: "saved",
      error: null,
      conflict: null,
    }),
  setName: (name) => set({ name, nameDirty: true, status: "dirty" }),
  set: (patch) => set(patch),
}));
