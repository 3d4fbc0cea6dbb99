/**
 * The workflow's default budget per run (`workflow.settings.budget`): most tokens and most
 * dollars its model calls may use. Either may be left empty (no cap); checked with the same
 * schema the server uses before anything is sent.
 */
"use client";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { errorText } from "@/lib/client/api";
import type { Budget } from "@/lib/client/types";
import { readBudgetForm, type BudgetField as Field } from "./budget-form";

const INPUT = "mt-1 w-full rounded-md border border-line bg-black/30 px-2.5 py-1.5 tabular-nums";

export function BudgetDialog({ budget, onSave, onClose }: { budget: Budget | undefined; onSave: (budget: Budget) => Promise<void>; onClose: () => void }) {
  const [form, setForm] = useState<Record<Field, string>>({
    maxTokens: budget?.maxTokens?.toString() ?? "",
    maxCostUsd: budget?.maxCostUsd?.toString() ?? "",
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const read = readBudgetForm(form);
    if ("errors" in read) return setErrors(read.errors);
    setErrors({});
    setSaving(true);
    try {
      await onSave(read.budget);
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: Field, label: string, hint: string, placeholder: string) => (
    <label className="block text-sm">
      {label} <span className="text-zinc-500">{hint}</span>
      <input
        className={`${INPUT} ${errors[name] ? "border-red-400" : ""}`}
        inputMode="decimal"
        placeholder={placeholder}
        value={form[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `budget-${name}-error` : undefined}
        data-testid={`budget-${name}`}
        onChange={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
      />
      {errors[name] && (
        <span id={`budget-${name}-error`} role="alert" className="mt-1 block text-xs text-red-300">
          {errors[name]}
        </span>
      )}
    </label>
  );

  return (
    <Modal title="Run budget" onClose={onClose} testId="budget-dialog">
      <form onSubmit={(e) => (e.preventDefault(), void save())} className="space-y-3">
        <p className="text-xs text-zinc-400">
          Each run of this workflow stops before a model call would go over a cap: nodes not yet run are skipped and the run fails with the amount used. Leave a field empty for no cap.
        </p>
        {field("maxTokens", "Max tokens per run", "(input + output)", "no cap")}
        {field("maxCostUsd", "Max cost per run", "(US dollars)", "no cap")}
        {failure && <p role="alert" className="text-sm text-red-300">{failure}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className="rounded-md border border-line px-3 py-1.5 text-sm" onClick={onClose}>Cancel</button>
          <button type="submit" disabled={saving} className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium hover:bg-violet-500 disabled:opacity-50" data-testid="budget-save">
            {saving ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
