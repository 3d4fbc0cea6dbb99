/** A delta of B against A, coloured by direction: more time, tokens or cost is amber, less is green. */
import type { Delta } from "./deltas";

const TONE: Record<Delta["direction"], string> = {
  up: "text-amber-300",
  down: "text-emerald-300",
  none: "text-zinc-500",
};

export function DeltaText({ delta, testId }: { delta: Delta | null; testId?: string }) {
  if (!delta)
    return (
      <span className="text-zinc-600" data-testid={testId}>
        —
      </span>
    );
  return (
    <span
      data-testid={testId}
      data-direction={delta.direction}
      className={`tabular-nums ${TONE[delta.direction]}`}
    >
      {delta.text}
    </span>
  );
}
