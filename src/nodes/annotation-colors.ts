/**
 * The colours a note or frame can take: a name from a small palette, or any `#rrggbb`
 * (an imported file may carry one). Client-safe: the definitions validate with it and the
 * canvas views draw with it.
 */
import { z } from "zod";

export const ANNOTATION_COLORS = {
  yellow: "#facc15",
  blue: "#60a5fa",
  green: "#4ade80",
  pink: "#f472b6",
  purple: "#a78bfa",
  gray: "#a1a1aa",
} as const;

export type AnnotationColorName = keyof typeof ANNOTATION_COLORS;

export const ZAnnotationColor = z.union([
  z.enum(Object.keys(ANNOTATION_COLORS) as [AnnotationColorName, ...AnnotationColorName[]]),
  z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour is a palette name or #rrggbb"),
]);

/** The colour to draw: a palette name's, a `#rrggbb` as it is, `fallback` when there is none. */
export function annotationHex(color: string | undefined, fallback: string): string {
  if (!color) return fallback;
  return Object.hasOwn(ANNOTATION_COLORS, color) ? ANNOTATION_COLORS[color as AnnotationColorName] : color;
}
