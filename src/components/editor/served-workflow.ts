/**
 * The workflow the editor page's server render streams along (`app/workflows/[id]/page.tsx`):
 * with it, a page load opens without another round trip once its scripts have run. It stands
 * for a fetch only when it can be no older than one: used once (the router showing a page it
 * kept hands over the same promise again), and not after this tab wrote anything (a save made
 * on leaving the editor may have landed after the render).
 */
import { hasWrittenFromThisTab } from "@/lib/client/api";
import type { Workflow } from "@/lib/client/types";

/** The API's JSON of the workflow, or null when the render could not read it. */
export type ServedWorkflow = Promise<string | null>;

const taken = new WeakSet<ServedWorkflow>();

/** The served workflow, or null when the editor must fetch it. */
export async function takeServed(served: ServedWorkflow | undefined): Promise<Workflow | null> {
  if (!served || taken.has(served) || hasWrittenFromThisTab()) return null;
  taken.add(served);
  // React hands a streamed promise over as its own thenable, whose `then` returns nothing: no `.catch` chain.
  const json = await new Promise<string | null>((resolve) => void served.then(resolve, () => resolve(null)));
  return json && !hasWrittenFromThisTab() ? (JSON.parse(json) as Workflow) : null;
}
