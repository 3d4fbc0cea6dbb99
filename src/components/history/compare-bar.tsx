/** Compare mode's bar over the run list: how many runs are picked, "Compare" once there are two, "Cancel". */
"use client";
import type { RunListItem } from "@/lib/client/types";
import { orderPair } from "./compare-picks";
import type { ComparePicker } from "./use-compare-picker";

export function CompareBar({ compare, runs }: { compare: ComparePicker; runs: RunListItem[] }) {
  const pair = orderPair(compare.picked, runs);
  return (
    <div
      className="mx-2 mb-2 flex items-center gap-2 rounded-md border border-violet-500/30 bg-violet-500/10 px-2.5 py-1.5 text-xs"
      data-testid="history-compare-bar"
    >
      <span className="mr-auto text-zinc-300" data-testid="history-compare-count">
        {compare.picked.length === 2
          ? "2 runs picked"
          : `Pick ${2 - compare.picked.length} ${compare.picked.length === 1 ? "more run" : "runs"}`}
      </span>
      <button
        type="button"
        data-testid="history-compare-open"
        disabled={!pair}
        className="rounded bg-violet-600 px-2 py-0.5 font-medium text-white hover:bg-violet-500 disabled:cursor-not-allowed disabled:opacity-40"
        onClick={() => pair && compare.open(pair)}
      >
        Compare
      </button>
      <button
        type="button"
        data-testid="history-compare-cancel"
        className="text-zinc-400 hover:text-white"
        onClick={compare.cancel}
      >
        Cancel
      </button>
    </div>
  );
}
