/**
 * Every way out of the editor goes through here, so no edit is lost on the way:
 * - a link inside the app (← Workflows, any other): pending changes are saved, then the page
 *   changes; a save that fails opens a dialog (Save / Download JSON / Leave without saving / Stay);
 * - browser back/forward and any other in-app navigation: the editor's unmount writes the
 *   local draft and starts the save, which the next open of a workflow waits for;
 * - a reload, closing the tab or leaving the app: the browser's warning, and the local draft.
 */
"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { create } from "zustand";
import { Modal } from "@/components/ui/modal";
import { isDirty, keepDraft, saveNow } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { downloadCanvas } from "./transfer";

/** Where the person wanted to go while their changes could not be saved. */
const useLeaveStore = create<{ href: string | null }>()(() => ({ href: null }));

function hasPendingChanges(): boolean {
  const { status } = useEditorStore.getState();
  return isDirty() || status === "saving" || status === "error";
}

/** An in-app page a plain click on `target` would open, or null (new tab, download, another site, the API). */
function inAppHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download") || (link.target && link.target !== "_self")) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/") || url.pathname === window.location.pathname) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function useLeaveGuard(): void {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const href = inAppHref(event);
      if (!href || !hasPendingChanges()) return;
      // Before the link's own handler: the page changes only once the server has the changes.
      event.preventDefault();
      event.stopPropagation();
      void saveNow().then((saved) => {
        if (saved) router.push(href);
        else if (!useEditorStore.getState().conflict) useLeaveStore.setState({ href });
      });
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (!hasPendingChanges()) return;
      keepDraft();
      event.preventDefault();
      event.returnValue = "";
    };
    const onHide = () => isDirty() && keepDraft();
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onUnload);
    window.addEventListener("pagehide", onHide);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onUnload);
      window.removeEventListener("pagehide", onHide);
      useLeaveStore.setState({ href: null });
      // Back/forward (or any navigation not made by a link): the save goes on after the editor is gone.
      if (isDirty()) {
        keepDraft();
        void saveNow();
      }
    };
  }, [router]);
}

/** Asked only when leaving and the save failed: nothing leaves without the person choosing. */
export function LeaveDialog() {
  const href = useLeaveStore((s) => s.href);
  const error = useEditorStore((s) => s.error);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  if (!href) return null;
  const stay = () => useLeaveStore.setState({ href: null });
  const leave = () => {
    stay();
    router.push(href);
  };
  const save = async () => {
    setBusy(true);
    const saved = await saveNow();
    setBusy(false);
    if (saved) leave();
  };
  return (
    <Modal title="Your changes are not saved" role="alertdialog" testId="leave-dialog" onClose={stay}>
      <p className="text-sm text-zinc-300" data-testid="leave-dialog-reason">{error ?? "The last save did not go through."}</p>
      <p className="mt-2 text-sm text-zinc-400">If you leave without saving, they stay in this browser only and come back when you open this workflow again.</p>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-white/10" data-testid="leave-download" onClick={downloadCanvas}>
          Download JSON
        </button>
        <button type="button" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-white/10" data-testid="leave-without-saving" onClick={leave}>
          Leave without saving
        </button>
        <button type="button" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-white/10" data-testid="leave-stay" data-autofocus onClick={stay}>
          Stay
        </button>
        <button type="button" disabled={busy} className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium hover:bg-violet-500 disabled:opacity-50" data-testid="leave-save" onClick={() => void save()}>
          {busy ? "Saving…" : "Save and leave"}
        </button>
      </div>
    </Modal>
  );
}
