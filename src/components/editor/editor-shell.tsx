/** The editor page's client root: loads the workflow, lays out toolbar, sidebars and canvas. */
"use client";
import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { EditorCanvas } from "@/components/canvas/editor-canvas";
import { HistorySidebar } from "@/components/history/history-sidebar";
import { VersionPreviewBanner } from "@/components/versions/version-preview-banner";
import { VersionsPanel } from "@/components/versions/versions-panel";
import { errorText } from "@/lib/client/api";
import { integrationsQuery } from "@/lib/client/queries/integrations";
import { stopFollowingRun } from "@/stores/actions/run-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { useOutdatedResults } from "@/stores/outdated-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";
import { CommandKeys } from "./commands/command-keys";
import { CommandPalette } from "./commands/command-palette";
import { ContextMenu } from "./commands/context-menu";
import { PasteListener } from "./commands/paste-listener";
import { ShortcutHelp } from "./commands/shortcut-help";
import { ConflictDialog } from "./conflict-dialog";
import { ConnectDialog } from "./connect-dialog";
import { EditorToolbar } from "./editor-toolbar";
import { LeaveDialog, useLeaveGuard } from "./leave-guard";
import { LeftSidebar } from "./left-sidebar";
import { loadWorkflow } from "./load-workflow";
import { SaveProblemBanner } from "./save-problem-banner";
import type { ServedWorkflow } from "./served-workflow";
import { useAutosave, useLiveRunQueries } from "./use-editor-effects";
import { useNarrowLayout } from "./use-narrow-layout";

export function EditorShell({ workflowId, maxBodyBytes, served }: { workflowId: string; maxBodyBytes: number; served?: ServedWorkflow }) {
  const [state, setState] = useState<{ ready: boolean; error: string | null }>({ ready: false, error: null });
  const previewing = useVersionPreviewStore(selectPreviewing);
  useAutosave();
  useLeaveGuard();
  useLiveRunQueries();
  useNarrowLayout();
  useOutdatedResults();
  // Observed while the editor is open: adding an LLM node reads the configured providers from the cache.
  useQuery(integrationsQuery());

  useEffect(() => {
    let stale = false;
    useEditorStore.getState().set({ maxBodyBytes });
    loadWorkflow(workflowId, served)
      .then(() => !stale && setState({ ready: true, error: null }))
      .catch((e: unknown) => !stale && setState({ ready: false, error: errorText(e) }));
    return () => {
      stale = true;
      stopFollowingRun();
    };
  }, [workflowId, maxBodyBytes, served]);

  if (state.error) {
    return (
      <main className="flex h-screen flex-col items-center justify-center gap-3">
        <p className="text-zinc-300">Could not open this workflow: {state.error}</p>
        <Link href="/workflows" className="text-violet-300 hover:underline">Back to your workflows</Link>
      </main>
    );
  }
  if (!state.ready) {
    return <main className="flex h-screen items-center justify-center text-sm text-zinc-500">Opening workflow…</main>;
  }
  return (
    <ReactFlowProvider>
      <CommandKeys />
      <PasteListener />
      <div className="flex h-screen flex-col bg-canvas" data-testid="editor">
        <EditorToolbar />
        <SaveProblemBanner />
        <div className="relative flex min-h-0 flex-1">
          {/* Adding nodes would change the editor's graph, hidden while a version is previewed. */}
          <div inert={previewing} className="contents">
            <LeftSidebar />
          </div>
          <main className="relative min-w-0 flex-1">
            <EditorCanvas />
            <VersionPreviewBanner />
          </main>
          <VersionsPanel />
          <HistorySidebar />
        </div>
        <ConnectDialog />
        <ConflictDialog />
        <LeaveDialog />
        <CommandPalette />
        <ContextMenu />
        <ShortcutHelp />
      </div>
    </ReactFlowProvider>
  );
}
