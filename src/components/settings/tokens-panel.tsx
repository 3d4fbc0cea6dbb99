/** Personal API tokens: create (the secret is shown once, with copy), list, revoke. */
"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatRelative } from "@/components/ui/format";
import { errorText } from "@/lib/client/api";
import { tokensQuery, useCreateToken, useRevokeToken } from "@/lib/client/queries/tokens";

export function TokensPanel() {
  const tokens = useQuery(tokensQuery());
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const failure = create.error ?? revoke.error ?? tokens.error;
  const error = failure ? errorText(failure) : null;

  const submit = () => {
    revoke.reset();
    create.mutate(name.trim() || "API token", {
      onSuccess: (r) => {
        setFresh(r.token);
        setCopied(false);
        setName("");
      },
    });
  };
  const list = tokens.data ?? [];

  return (
    <section className="rounded-xl border border-line bg-panel p-5" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="text-lg font-semibold">API tokens</h2>
      <p className="mt-1 text-sm text-zinc-400">Call the API with <code className="rounded bg-black/40 px-1">Authorization: Bearer &lt;token&gt;</code>. Only a hash is stored.</p>
      <form className="mt-4 flex gap-2" onSubmit={(e) => (e.preventDefault(), submit())}>
        <input aria-label="Token name" data-testid="token-name" placeholder="Token name (e.g. CI)" value={name} onChange={(e) => setName(e.currentTarget.value)}
          className="flex-1 rounded-md border border-line bg-black/30 px-3 py-2 text-sm focus:border-violet-400 focus:outline-none" />
        <button type="submit" data-testid="token-create" className="rounded-md bg-violet-600 px-3 py-2 text-sm font-medium hover:bg-violet-500">Create token</button>
      </form>
      {fresh && (
        <div className="mt-3 rounded-lg border border-emerald-500/40 bg-emerald-500/5 p-3" data-testid="token-fresh">
          <p className="text-sm text-emerald-200">Copy this token now — it will not be shown again.</p>
          <div className="mt-2 flex gap-2">
            <code className="flex-1 overflow-x-auto rounded bg-black/40 px-2 py-1.5 text-xs" data-testid="token-value">{fresh}</code>
            <button type="button" className="rounded-md border border-line px-2.5 text-sm hover:bg-white/10" onClick={() => void navigator.clipboard?.writeText(fresh).then(() => setCopied(true))}>
              {copied ? "Copied" : "Copy"}
            </button>
            <button type="button" aria-label="Hide token" className="rounded-md px-2 text-zinc-400 hover:bg-white/10" onClick={() => setFresh(null)}>✕</button>
          </div>
        </div>
      )}
      {error && <p role="alert" className="mt-3 text-sm text-red-300">{error}</p>}
      <ul className="mt-4 divide-y divide-line" data-testid="token-list">
        {list.map((t) => (
          <li key={t.id} className="flex items-center gap-3 py-2.5 text-sm">
            <span className="font-medium">{t.name}</span>
            <code className="text-xs text-zinc-500">{t.prefix}…</code>
            <span className="ml-auto text-xs text-zinc-500">created {formatRelative(t.createdAt)} · {t.lastUsedAt ? `used ${formatRelative(t.lastUsedAt)}` : "never used"}</span>
            <button type="button" className="rounded px-2 py-1 text-xs text-red-300 hover:bg-red-500/10" aria-label={`Revoke ${t.name}`} onClick={() => revoke.mutate(t.id)}>Revoke</button>
          </li>
        ))}
        {list.length === 0 && <li className="py-3 text-sm text-zinc-500">No tokens yet.</li>}
      </ul>
    </section>
  );
}
