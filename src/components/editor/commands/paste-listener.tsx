/**
 * The page's `paste` event (the browser's Edit menu or its own paste; Ctrl+V itself is the
 * `clipboard.paste` command): Galaxy nodes on the clipboard land at the pointer. A focused field keeps its paste.
 */
"use client";
import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { pasteText } from "@/stores/actions/clipboard";
import { canEditGraph } from "@/stores/actions/selection";
import { commandContext } from "./command-context";
import { isTypingTarget } from "./keys";

export function PasteListener(): null {
  const flow = useReactFlow();
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || !canEditGraph()) return;
      e.preventDefault();
      pasteText(e.clipboardData?.getData("text/plain") ?? "", commandContext(flow).at);
    };
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [flow]);
  return null;
}
