/**
 * What the command overlays show: the palette (and what it was opened for), the right-click menu
 * (where, on what), the shortcut help. The canvas and the commands open them; each overlay closes itself.
 */
import type { XYPosition } from "@xyflow/react";
import { create } from "zustand";
import type { WireEnd } from "@/nodes/compatible-ports";
import type { CommandMenu } from "./command-types";

/** A wire dropped on empty canvas: the palette offers the types it fits and connects the new node to it. */
export interface LooseWire extends WireEnd {
  nodeId: string;
  handleId: string;
}

export interface PaletteRequest {
  /** Where a chosen node goes, in flow units; null for the view's centre. */
  at: XYPosition | null;
  /** Node types only (the canvas menu's "Add node…"). */
  nodesOnly?: boolean;
  wire?: LooseWire;
}

export interface MenuRequest {
  kind: CommandMenu;
  /** Where it opens, in screen pixels (kept inside the window when drawn). */
  screen: XYPosition;
  /** The right-clicked node with the selection it belongs to; empty for the canvas. */
  nodeIds: string[];
  /** The node whose ⋯ button opened it (`canvas/node-menu.tsx`). */
  opener?: string;
}

interface Overlays {
  palette: PaletteRequest | null;
  menu: MenuRequest | null;
  helpOpen: boolean;
  /** Where focus goes back to when an overlay closes. */
  returnFocus: HTMLElement | null;
  set: (patch: Partial<Omit<Overlays, "set">>) => void;
}

export const useOverlays = create<Overlays>()((set) => ({
  palette: null,
  menu: null,
  helpOpen: false,
  returnFocus: null,
  set: (patch) => set(patch),
}));

function focused(): HTMLElement | null {
  const active = typeof document === "undefined" ? null : document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

export function openPalette(request: PaletteRequest): void {
  useOverlays.getState().set({ palette: request, menu: null, helpOpen: false, returnFocus: focused() });
}

export function openMenu(request: MenuRequest): void {
  useOverlays.getState().set({ menu: request, palette: null, helpOpen: false, returnFocus: focused() });
}

export function openHelp(): void {
  useOverlays.getState().set({ helpOpen: true, menu: null, palette: null, returnFocus: focused() });
}

/** Closes every overlay and gives focus back to where it was (the canvas when it was nowhere). */
export function closeOverlays(): void {
  const { returnFocus } = useOverlays.getState();
  useOverlays.getState().set({ palette: null, menu: null, helpOpen: false, returnFocus: null });
  const target = returnFocus?.isConnected ? returnFocus : document.querySelector<HTMLElement>(".react-flow__pane, [data-testid='canvas']");
  target?.focus({ preventScroll: true });
}
