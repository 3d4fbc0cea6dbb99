/** Editor view state that several components share (dialogs, sidebars). */
import { create } from "zustand";

interface UiState {
  /** The node whose "Connect output to…" dialog is open. */
  connectFrom: string | null;
  /** The run whose node-by-node detail is open in the history sidebar. */
  detailRunId: string | null;
  leftOpen: boolean;
  historyOpen: boolean;
  /** Below 1280 px the side panels fold into rails and open over the canvas. */
  narrow: boolean;
  minimapOpen: boolean;
  /** The node whose title is being edited in place (rename). */
  renamingNodeId: string | null;
  /** A plain drag on the empty canvas draws a selection box (panning moves to the middle or right button). */
  selectionMode: boolean;
  set: (patch: Partial<Omit<UiState, "set">>) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  connectFrom: null,
  detailRunId: null,
  leftOpen: true,
  historyOpen: true,
  narrow: false,
  minimapOpen: true,
  renamingNodeId: null,
  selectionMode: false,
  set: (patch) => set(patch),
}));
