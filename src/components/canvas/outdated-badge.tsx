/** "Outdated" beside a node's status when its result no longer matches its params or inputs, saying which in a tooltip. */
"use client";

export function OutdatedBadge({ nodeId, reason }: { nodeId: string; reason: string }) {
  const tip = `${reason} — run it again to update`;
  return (
    <span className="group relative" data-testid={`outdated-${nodeId}`} data-reason={reason}>
      <span
        tabIndex={0}
        aria-label={`Outdated: ${tip}`}
        className="nodrag cursor-help rounded bg-amber-500/20 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-amber-200 outline-none ring-amber-300 focus-visible:ring-1"
      >
        outdated
      </span>
      <span
        role="tooltip"
        data-testid={`outdated-tip-${nodeId}`}
        className="pointer-events-none absolute left-1/2 top-full z-20 mt-1.5 hidden w-max max-w-[240px] -translate-x-1/2 rounded-md border border-line bg-zinc-900 px-2 py-1 text-[11px] normal-case text-zinc-100 shadow-lg group-hover:block group-focus-within:block"
      >
        {tip}
      </span>
    </span>
  );
}
