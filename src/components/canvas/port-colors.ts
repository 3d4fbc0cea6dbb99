import type { PortType } from "@/engine/node-catalogue";

/** Port colours from the theme in globals.css. */
export const PORT_COLORS: Record<PortType, string> = {
  text: "var(--color-port-text)",
  image: "var(--color-port-image)",
  video: "var(--color-port-video)",
  number: "var(--color-port-number)",
};
