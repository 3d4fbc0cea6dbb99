/** Whether the Versions panel is open (the toolbar's "Versions" button toggles it). */
import { create } from "zustand";

interface VersionsPanelState {
  open: boolean;
  toggle: () => void;
  close: () => void;
}

export const useVersionsPanel = create<VersionsPanelState>()((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
}));
