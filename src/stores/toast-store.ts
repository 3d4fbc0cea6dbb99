/** Short messages shown near the canvas (refused connections, save and run problems). */
import { create } from "zustand";

export type ToastTone = "info" | "error" | "success";

export interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
}

interface ToastState {
  toasts: Toast[];
  show: (text: string, tone?: ToastTone, ms?: number) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (text, tone = "info", ms = 4000) => {
    const id = nextId++;
    // The same message twice in a row replaces itself rather than stacking.
    set({ toasts: [...get().toasts.filter((t) => t.text !== text), { id, text, tone }].slice(-4) });
    setTimeout(() => get().dismiss(id), ms);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = (text: string, tone?: ToastTone, ms?: number) => useToastStore.getState().show(text, tone, ms);
