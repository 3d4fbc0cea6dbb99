/** Which nodes of a comparison differ, and how to tell a person which side a node is on. */
import type { TCompareNode } from "@/contracts/run-compare";

/**
 * A node differs when it is on one side only, when its params, inputs or outputs changed, or
 * when it ended differently (ran in one run and failed or was skipped in the other).
 */
export function isNodeChanged(node: TCompareNode): boolean {
  if (!node.a || !node.b) return true;
  return (
    node.changed.params || node.changed.inputs || node.changed.outputs || node.a.status !== node.b.status
  );
}

/** "only in run A" / "only in run B", or null when the node is in both runs. */
export function onlyIn(node: TCompareNode): string | null {
  if (node.a && !node.b) return "only in run A";
  if (!node.a && node.b) return "only in run B";
  return null;
}
