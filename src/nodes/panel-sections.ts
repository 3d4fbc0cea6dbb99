/** The editor's node panel from a catalogue: its sections in order, each with its types by `order`; hidden types left out. */
import type { NodeCatalogue } from "@/engine/node-catalogue";
import { SIDEBAR_SECTIONS, type NodeDefinition, type SidebarSection } from "./types";

export interface PanelSection {
  section: SidebarSection;
  definitions: NodeDefinition[];
}

export function panelSections(catalogue: NodeCatalogue<NodeDefinition>): PanelSection[] {
  return SIDEBAR_SECTIONS.map((section) => ({
    section,
    definitions: catalogue
      .list()
      .flatMap((definition) => (definition.sidebar !== "hidden" && definition.sidebar.section === section ? [{ definition, order: definition.sidebar.order }] : []))
      .sort((a, b) => a.order - b.order)
      .map(({ definition }) => definition),
  })).filter((entry) => entry.definitions.length > 0);
}
