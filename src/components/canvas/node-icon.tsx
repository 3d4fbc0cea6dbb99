/** Line icons for node types (emoji glyphs are missing from many systems' fonts). */
const PATHS: Record<string, string> = {
  text: "M4 6V4h16v2M12 4v16M9 20h6",
  uploadImage: "M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 9.5h.01",
  uploadVideo: "M3 6h13v12H3zM16 10l5-3v10l-5-3",
  llm: "M12 3l2.2 6.8L21 12l-6.8 2.2L12 21l-2.2-6.8L3 12l6.8-2.2z",
  vision: "M12 3l2.2 6.8L21 12l-6.8 2.2L12 21l-2.2-6.8L3 12l6.8-2.2z",
  cropImage: "M6 2v16h16M2 6h16v16",
  extractFrame: "M4 4h16v16H4zM8 4v16M16 4v16M4 9h4M4 15h4M16 9h4M16 15h4",
};

export function NodeIcon({ type, className = "h-4 w-4" }: { type: string; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className={className} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[type] ?? PATHS.text} />
    </svg>
  );
}
