"use client";
import { useState } from "react";
import { FIELD } from "./field-styles";
import { updateNodeData } from "./use-node-state";

const MIN = 0;
const MAX = 100;

/** What a typed percentage saves as: a number in range, undefined when cleared (the default applies), or why it cannot. */
export function readPercent(text: string, badInput = false): { ok: true; value: number | undefined } | { ok: false; problem: string } {
  const t = text.trim();
  if (badInput) return { ok: false, problem: `Use a number from ${MIN} to ${MAX}` };
  if (t === "") return { ok: true, value: undefined };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, problem: `Use a number from ${MIN} to ${MAX}` };
  if (value < MIN || value > MAX) return { ok: false, problem: `${MIN}–${MAX} only: ${t} is not saved` };
  return { ok: true, value };
}

/**
 * A 0–100 number field writing into node data. A value out of range is refused as it is
 * typed: the field says why and keeps the last good value saved (never a silent clamp).
 */
export function PercentField({ nodeId, name, label, value }: { nodeId: string; name: string; label: string; value: number | undefined }) {
  const [draft, setDraft] = useState<{ text: string; problem: string | null } | null>(null);
  const problem = draft?.problem ?? null;
  const errorId = `field-error-${name}-${nodeId}`;
  return (
    <>
      <input
        type="number"
        min={MIN}
        max={MAX}
        step={1}
        placeholder={`${MIN}–${MAX}`}
        aria-label={`${label} (${MIN}–${MAX})`}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        data-testid={`field-${name}-${nodeId}`}
        className={`${FIELD} ${problem ? "!border-red-400" : ""}`}
        value={draft?.text ?? (value ?? "")}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const read = readPercent(text, e.currentTarget.validity.badInput);
          setDraft({ text, problem: read.ok ? null : read.problem });
          if (read.ok) updateNodeData(nodeId, { [name]: read.value }, name);
        }}
        // A good value is shown as saved; a refused one stays, with its message, until corrected.
        onBlur={() => !problem && setDraft(null)}
      />
      {problem && (
        <p id={errorId} role="alert" data-testid={errorId} className="mt-1 text-[11px] leading-snug text-red-300">
          {problem}
        </p>
      )}
    </>
  );
}
