/** One keydown listener for every command's keys (`editor-commands.ts`); a focused field keeps its own keys. */
"use client";
import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { commandContext } from "./command-context";
import { EDITOR_COMMANDS } from "./editor-commands";
import { isTypingTarget, matchesBinding } from "./keys";

export function CommandKeys(): null {
  const flow = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const typing = isTypingTarget(e.target);
      const command = EDITOR_COMMANDS.find((c) => (!typing || c.inFields) && c.keys?.some((k) => matchesBinding(k, e)));
      if (!command) return;
      const ctx = commandContext(flow);
      if (command.enabled && !command.enabled(ctx)) return;
      e.preventDefault();
      void command.run(ctx);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [flow]);
  return null;
}
