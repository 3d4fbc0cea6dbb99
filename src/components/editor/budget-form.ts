/** The budget form's text read as a budget (the server's own schema), or each field's problem in words. */
import { ZBudget } from "@/contracts/usage";
import type { Budget } from "@/lib/client/types";

export type BudgetField = "maxTokens" | "maxCostUsd";

export function readBudgetForm(form: Record<BudgetField, string>): { budget: Budget } | { errors: Partial<Record<BudgetField, string>> } {
  const errors: Partial<Record<BudgetField, string>> = {};
  const candidate: Record<string, number> = {};
  for (const field of ["maxTokens", "maxCostUsd"] as const) {
    const text = form[field].trim().replace(/[,_\s]/g, "").replace(/^\$/, "");
    if (!text) continue;
    const n = Number(text);
    if (!Number.isFinite(n)) errors[field] = "enter a number, or leave it empty for no cap";
    else candidate[field] = n;
  }
  const parsed = ZBudget.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as BudgetField] ??= issue.message;
  return Object.keys(errors).length > 0 || !parsed.success ? { errors } : { budget: parsed.data };
}
