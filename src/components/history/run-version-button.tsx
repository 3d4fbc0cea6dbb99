/** "v3": the workflow version a run ran; a click previews that version's graph on the canvas. */
"use client";
import { previewVersion } from "@/stores/actions/preview-version";

export function RunVersionButton({
  version,
  className = "",
  testId,
}: {
  version: number | null;
  className?: string;
  testId: string;
}) {
  if (version === null) {
    return (
      <span
        className={`text-[11px] text-zinc-600 ${className}`}
        title="This run ran a graph that was not a saved version"
      >
        —
      </span>
    );
  }
  return (
    <button
      type="button"
      data-testid={testId}
      data-version={version}
      title={`Preview version ${version}, the graph this run ran`}
      className={`rounded bg-white/5 px-1.5 py-0.5 font-mono text-[11px] text-zinc-300 hover:bg-violet-500/30 hover:text-white ${className}`}
      onClick={() => void previewVersion(version)}
    >
      v{version}
    </button>
  );
}
