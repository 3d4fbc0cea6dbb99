/** The open workflow's identity and save state: version, name, run settings (its budget), conflict. */
import { create } from "zustand";
import { DEFAULT_MAX_BODY_BYTES } from "@/contracts/limits";
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
  /** Run defaults: the budget every run of this workflow gets unless it names its own. */
  settings: Workflow["settings"];
  version: number;
  /** The graph revision that the server has. */
  savedRevision: number;
  nameDirty: boolean;
  status: SaveStatus;
  error: string | null;
  conflict: Conflict | null;
  /** The server's request body limit (GALAXY_MAX_BODY_BYTES): a save larger than this is not sent. */
  maxBodyBytes: number;
  open: (workflow: Workflow, revision: number) => void;
  setName: (name: string) => void;
  set: (patch: Partial<EditorState>) => void;
}

export const useEditorStore = create<EditorState>()((set) => ({
  workflowId: null,
  name: "",
  tags: [],
  settings: {},
  version: 0,
  savedRevision: 0,
  nameDirty: false,
  status: "saved",
  error: null,
  conflict: null,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  open: (workflow, revision) =>
    set({
      workflowId: workflow.id,
      name: workflow.name,
      tags: workflow.tags ?? [],
      settings: workflow.settings ?? {},
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
