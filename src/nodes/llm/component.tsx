"use client";
import { memo, useState } from "react";
import { FIELD } from "@/components/canvas/field-styles";
import { NodeTextArea } from "@/components/canvas/node-text-area";
import { NodeShell } from "@/components/canvas/node-shell";
import { PortRow } from "@/components/canvas/port-row";
import { readData } from "@/components/canvas/read-data";
import { updateNodeData, useConnectedInputs } from "@/components/canvas/use-node-state";
import { useProviders } from "@/lib/client/queries/integrations";
import type { NodeViewProps } from "../types";
import { LLM_PROVIDERS, llmNode, PROVIDER_LABELS, SUGGESTED_MODELS, ZLlmData, type LlmProvider } from "./definition";

/** The `llm` node's view, also drawn for its `vision` alias (the shell shows the alias's label). */
function LlmNodeView({ id, data, selected, definition }: NodeViewProps) {
  const values = readData(ZLlmData, data);
  const connected = useConnectedInputs(id);
  const providers = useProviders();
  const provider: LlmProvider = values.provider ?? "google";
  const { inputs } = llmNode;
  const unconfigured = providers !== null && !providers[provider];
  // The model suggestions exist only while the field has focus: 500 LLM nodes need not hold 500 lists.
  const [suggesting, setSuggesting] = useState(false);

  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      <div className="grid grid-cols-2 gap-2 px-3 py-1.5">
        <label className="text-[11px] uppercase tracking-wide text-zinc-400">
          Provider
          <select
            aria-label="Provider"
            data-testid={`field-provider-${id}`}
            className={`${FIELD} mt-1 normal-case`}
            value={provider}
            onChange={(e) => updateNodeData(id, { provider: e.currentTarget.value, model: SUGGESTED_MODELS[e.currentTarget.value as LlmProvider][0] })}
          >
            {LLM_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p].split(" (")[0]}
                {providers && !providers[p] ? " — not configured" : providers ? " ✓" : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="text-[11px] uppercase tracking-wide text-zinc-400">
          Model
          <input
            aria-label="Model"
            data-testid={`field-model-${id}`}
            list={`models-${provider}`}
            className={`${FIELD} mt-1 normal-case`}
            value={values.model ?? ""}
            onChange={(e) => updateNodeData(id, { model: e.currentTarget.value }, "model")}
            onFocus={() => setSuggesting(true)}
            onBlur={() => setSuggesting(false)}
          />
          {suggesting && (
            <datalist id={`models-${provider}`}>
              {SUGGESTED_MODELS[provider].map((m) => <option key={m} value={m} />)}
            </datalist>
          )}
        </label>
      </div>
      {unconfigured && (
        <p className="px-3 text-xs text-amber-300">{PROVIDER_LABELS[provider]} is not configured on this server — see Settings.</p>
      )}
      <PortRow name="system_prompt" port={inputs.system_prompt} connections={connected.system_prompt ?? 0}>
        <NodeTextArea nodeId={id} field="system_prompt" label="System prompt" placeholder="You are a helpful assistant…" value={values.system_prompt} />
      </PortRow>
      <PortRow name="user_message" port={inputs.user_message} connections={connected.user_message ?? 0}>
        <NodeTextArea nodeId={id} field="user_message" label="User message" placeholder="Ask something, or connect a Text node" value={values.user_message} />
      </PortRow>
      <PortRow name="images" port={inputs.images} connections={connected.images ?? 0}>
        {!connected.images && <p className="text-xs text-zinc-500">Connect any number of images</p>}
      </PortRow>
      <label className="flex items-center gap-2 px-3 py-1.5 text-[11px] uppercase tracking-wide text-zinc-400">
        Temperature
        <input
          type="range"
          min={0}
          max={2}
          step={0.1}
          aria-label="Temperature"
          className="nodrag flex-1 accent-violet-500"
          value={values.temperature ?? 0.7}
          onChange={(e) => updateNodeData(id, { temperature: e.currentTarget.valueAsNumber }, "temperature")}
        />
        <span className="w-7 text-right normal-case text-zinc-300">{(values.temperature ?? 0.7).toFixed(1)}</span>
      </label>
    </NodeShell>
  );
}

export default memo(LlmNodeView);
