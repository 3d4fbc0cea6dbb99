/** The editor's top bar: name, save state, undo/redo, import/export, the run budget, the run controls, versions and history. */
"use client";
import { useReactFlow } from "@xyflow/react";
import Link from "next/link";
import { useRef, useState } from "react";
import { budgetText } from "@/components/ui/format";
import { useVersionsPanel } from "@/components/versions/versions-panel-state";
import { cancelActiveRun, runnableNodeIds, runWorkflow } from "@/stores/actions/run-workflow";
import { saveBudget } from "@/stores/actions/save-settings";
import { saveNow } from "@/stores/actions/save-workflow";
import { tidyUp, useTidying } from "@/stores/actions/tidy-up";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";
import { useUiStore } from "@/stores/ui-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";
import { BudgetDialog } from "./budget-dialog";
import { SaveIndicator } from "./save-indicator";
import { exportCurrent, importIntoCanvas } from "./transfer";
import { useDocumentTitle } from "./use-document-title";

const BTN = "rounded-md border border-line px-2.5 py-1.5 text-sm text-zinc-200 hover:bg-white/10 disabled:opacity-40 disabled:hover:bg-transparent";

export function EditorToolbar() {
  const name = useEditorStore((s) => s.name);
  useDocumentTitle(name);
  const canUndo = useGraphStore((s) => s.past.length > 0);
  const canRedo = useGraphStore((s) => s.future.length > 0);
  // Notes and frames never run: they do not count as something to run.
  const selectedKey = useGraphStore((s) => runnableNodeIds(s.nodes.filter((n) => n.selected)).join(","));
  const running = useRunStore((s) => s.activeRunId !== null);
  const status = useRunStore((s) => s.status);
  const budget = useEditorStore((s) => s.settings.budget);
  const [budgetOpen, setBudgetOpen] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const selected = selectedKey ? selectedKey.split(",") : [];
  // A previewed version hides the editor's graph: edits that would change it unseen wait until "Back to current".
  const previewing = useVersionPreviewStore(selectPreviewing);
  const versionsOpen = useVersionsPanel((s) => s.open);
  const flow = useReactFlow();
  const canTidy = useGraphStore((s) => s.nodes.length >= 2);
  const tidying = useTidying((s) => s.busy);

  return (
    <header className="flex h-14 shrink-0 items-center gap-2 whitespace-nowrap border-b border-line bg-panel px-3">
      <Link href="/workflows" className="rounded px-2 py-1 text-sm text-zinc-400 hover:bg-white/10 hover:text-white" aria-label="Back to workflows">
        ←<span className="hidden xl:inline"> Workflows</span>
      </Link>
      <input
        aria-label="Workflow name"
        data-testid="workflow-name"
        // As wide as the name (up to a limit), so the whole name shows even when the bar is crowded.
        className="field-sizing-content min-w-32 max-w-96 shrink-0 rounded-md border border-transparent bg-transparent px-2 py-1 font-medium hover:border-line focus:border-violet-400 focus:outline-none"
        value={name}
        onChange={(e) => useEditorStore.getState().setName(e.currentTarget.value)}
      />
      <div className="flex min-w-0 shrink">
        <SaveIndicator />
      </div>
      <div className="ml-4 flex items-center gap-1">
        <button type="button" className={BTN} aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)" data-testid="undo" disabled={!canUndo || previewing} onClick={() => useGraphStore.getState().undo()}>↶</button>
        <button type="button" className={BTN} aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z)" data-testid="redo" disabled={!canRedo || previewing} onClick={() => useGraphStore.getState().redo()}>↷</button>
        <button
          type="button"
          className={BTN}
          data-testid="tidy-up"
          title={selected.length >= 2 ? "Tidy up the selection (Shift+Alt+T)" : "Tidy up: lay the graph out left to right (Shift+Alt+T)"}
          disabled={!canTidy || previewing || tidying}
          aria-busy={tidying}
          onClick={() => void tidyUp(selected, flow)}
        >
          {tidying ? "Tidying…" : "Tidy up"}
        </button>
        <button type="button" className={BTN} data-testid="save" title="Save (Ctrl+S)" onClick={() => void saveNow()}>Save</button>
        <button type="button" className={BTN} data-testid="export" onClick={() => void exportCurrent()}>Export</button>
        <button type="button" className={BTN} data-testid="import" disabled={previewing} onClick={() => file.current?.click()}>Import</button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void importIntoCanvas(f);
            e.currentTarget.value = "";
          }}
        />
      </div>
      <button
        type="button"
        className={`${BTN} ml-1`}
        data-testid="budget-open"
        aria-label={`Run budget: ${budgetText(budget)}`}
        title={`Run budget: ${budgetText(budget)}`}
        onClick={() => setBudgetOpen(true)}
      >
        Budget{budget && <span className="ml-1 text-violet-300">●</span>}
      </button>
      {budgetOpen && <BudgetDialog budget={budget} onSave={saveBudget} onClose={() => setBudgetOpen(false)} />}
      <div className="ml-auto flex items-center gap-2">
        {running && (
          <span className="flex items-center gap-2 text-xs text-violet-200" data-testid="run-status">
            <span className="h-2 w-2 animate-pulse rounded-full bg-violet-400" />
            {status === "QUEUED" ? "Queued…" : "Running…"}
          </span>
        )}
        {running ? (
          <button type="button" data-testid="cancel-run" className="rounded-md bg-red-600/90 px-3 py-1.5 text-sm font-medium hover:bg-red-500" onClick={() => void cancelActiveRun()}>
            Cancel
          </button>
        ) : (
          <>
            {selected.length > 0 && (
              <button type="button" data-testid="run-selected" className={BTN} onClick={() => void runWorkflow(selected)}>
                Run selected ({selected.length})
              </button>
            )}
            <button type="button" data-testid="run" title="Run (Ctrl+Enter)" className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium hover:bg-violet-500" onClick={() => void runWorkflow()}>
              ▶ Run
            </button>
          </>
        )}
        <button type="button" className={BTN} data-testid="toggle-versions" aria-pressed={versionsOpen} onClick={() => useVersionsPanel.getState().toggle()}>
          Versions
        </button>
        {/* Below 1280 px the history rail has this button. */}
        <button type="button" className={`${BTN} hidden xl:block`} data-testid="toggle-history" aria-label="Toggle run history" onClick={() => useUiStore.getState().set({ historyOpen: !useUiStore.getState().historyOpen })}>
          History
        </button>
      </div>
    </header>
  );
}
