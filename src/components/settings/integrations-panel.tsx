/** Which services this server uses (embedded or configured) and which model providers are on. No secrets. */
"use client";
import { useQuery } from "@tanstack/react-query";
import { errorText } from "@/lib/client/api";
import { integrationsQuery } from "@/lib/client/queries/integrations";
import { LLM_PROVIDERS, PROVIDER_LABELS } from "@/nodes/llm/definition";

function describe(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "configured" : "not configured";
  const o = value as Record<string, unknown>;
  const main = o.mode ?? o.kind ?? o.provider ?? o.driver ?? o.type ?? o.status;
  const rest = Object.entries(o).filter(([k, v]) => !["mode", "kind", "provider", "driver", "type", "status"].includes(k) && ["string", "number", "boolean"].includes(typeof v));
  return [main ? String(main) : null, ...rest.map(([k, v]) => `${k}: ${String(v)}`)].filter(Boolean).join(" · ") || "configured";
}

export function IntegrationsPanel() {
  const { data, error } = useQuery(integrationsQuery());

  const rows: [string, unknown][] = data ? [["Database", data.database], ["Sign-in", data.auth], ["Job queue", data.queue], ["File storage", data.storage]] : [];
  return (
    <section className="rounded-xl border border-line bg-panel p-5" aria-labelledby="integrations-title" data-testid="integrations">
      <h2 id="integrations-title" className="text-lg font-semibold">Integrations</h2>
      <p className="mt-1 text-sm text-zinc-400">Set by the server&apos;s environment (see <code>.env.example</code>). Secrets are never shown.</p>
      {error && <p role="alert" className="mt-3 text-sm text-red-300">{errorText(error)}</p>}
      {!data && !error && <p className="mt-3 text-sm text-zinc-500">Loading…</p>}
      {data && (
        <dl className="mt-4 grid grid-cols-[160px_1fr] gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-400">{label}</dt>
              <dd>{describe(value)}</dd>
            </div>
          ))}
          {LLM_PROVIDERS.map((p) => {
            const on = !!data.providers?.[p];
            return (
              <div key={p} className="contents">
                <dt className="text-zinc-400">{PROVIDER_LABELS[p].split(" (")[0]}</dt>
                <dd data-testid={`provider-${p}`} className={on ? "text-emerald-300" : "text-zinc-500"}>{on ? "● configured" : "○ not configured"}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
