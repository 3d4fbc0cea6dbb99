/** Keyboard alternative to dragging a wire: pick which input this node's output should feed. */
"use client";
import { useEffect, useRef } from "react";
import { checkConnection } from "@/nodes/connection-rules";
import { PORT_COLORS } from "@/components/canvas/port-colors";
import { nodeName } from "@/nodes/node-name";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { toast } from "@/stores/toast-store";
import { useUiStore } from "@/stores/ui-store";

export function ConnectDialog() {
  const from = useUiStore((s) => s.connectFrom);
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [from]);
  if (!from) return null;
  const source = nodes.find((n) => n.id === from);
  const sourceDef = source?.type ? nodeCatalogue.get(source.type) : undefined;
  const close = () => useUiStore.getState().set({ connectFrom: null });
  const options = Object.entries(sourceDef?.outputs ?? {}).flatMap(([out, outPort]) =>
    nodes.flatMap((target) => {
      const def = target.type ? nodeCatalogue.get(target.type) : undefined;
      return Object.entries(def?.inputs ?? {})
        .filter(([, p]) => p.type === outPort.type && target.id !== from)
        .map(([input, p]) => {
          const c = { source: from, sourceHandle: out, target: target.id, targetHandle: input };
          return { c, label: `${nodeName(target)} · ${p.label}`, target: target.id, type: p.type, check: checkConnection(nodes, edges, c) };
        });
    }),
  );

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60" onKeyDown={(e) => e.key === "Escape" && close()}>
      <div role="dialog" aria-modal="true" aria-labelledby="connect-title" data-testid="connect-dialog" className="w-[420px] rounded-xl border border-line bg-panel p-4 shadow-2xl">
        <h2 id="connect-title" className="mb-1 font-semibold">Connect {source ? nodeName(source) : ""} output to…</h2>
        <p className="mb-3 text-xs text-zinc-400">Only inputs of the same type are listed.</p>
        <ul className="max-h-80 space-y-1 overflow-y-auto">
          {options.map((o, i) => (
            <li key={`${o.target}-${o.c.targetHandle}`}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                data-testid={`connect-to-${o.target}-${o.c.targetHandle}`}
                className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-white/10 focus-visible:bg-white/10 focus-visible:outline-none"
                onClick={() => {
                  const r = useGraphStore.getState().connect(o.c);
                  if (r.ok) close();
                  else toast(r.reason, "error");
                }}
              >
                <span className="h-2 w-2 rounded-full" style={{ background: PORT_COLORS[o.type] }} />
                {o.label}
                <span className="ml-auto text-xs text-zinc-500">{o.target}</span>
                {!o.check.ok && <span className="text-xs text-amber-300">({o.check.reason.split(" —")[0]})</span>}
              </button>
            </li>
          ))}
          {options.length === 0 && <li className="text-sm text-zinc-400">No input on the canvas accepts this output yet.</li>}
        </ul>
        <div className="mt-3 text-right">
          <button type="button" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-white/10" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
