/** Picking two runs of the history to compare: pure rules, kept apart from the sidebar's state. */

/** A click on a run: unpicked if it was picked, else picked; a third pick lets go of the first. */
export function togglePick(picked: readonly string[], runId: string): string[] {
  if (picked.includes(runId)) return picked.filter((id) => id !== runId);
  return [...picked, runId].slice(-2);
}

/**
 * The pair to compare as [A, B]: the older run first, so B's deltas say what changed since.
 * A run not in `runs` (not loaded) keeps its pick order.
 */
export function orderPair(
  picked: readonly string[],
  runs: readonly { id: string; createdAt: string }[],
): [string, string] | null {
  if (picked.length !== 2) return null;
  const time = (id: string) => runs.find((r) => r.id === id)?.createdAt;
  const [first, second] = picked;
  const [t1, t2] = [time(first), time(second)];
  return t1 && t2 && t2 < t1 ? [second, first] : [first, second];
}
