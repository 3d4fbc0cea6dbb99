"use client";

/** The local e-mail + password form of /sign-in and /sign-up: posts JSON to /api/auth/*, then goes to `next`. */
import Link from "next/link";
import { useState, type FormEvent } from "react";

interface Props {
  mode: "sign-in" | "sign-up";
  next: string;
}

interface Issue {
  path: string;
  message: string;
}

export function AuthForm({ mode, next }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const isSignUp = mode === "sign-up";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    if (isSignUp && form.get("name")) body.name = String(form.get("name"));
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const res = await fetch(`/api/auth/${mode}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => ({}))) as { success?: boolean; error?: string; issues?: Issue[] };
      if (res.ok && json.success) {
        window.location.assign(next);
        return;
      }
      const issues = Object.fromEntries((json.issues ?? []).map((i) => [i.path.replace(/^body\./, ""), i.message]));
      setFieldErrors(issues);
      setError(Object.keys(issues).length > 0 ? null : (json.error ?? `request failed (${res.status})`));
    } catch {
      setError("cannot reach the server — check your connection");
    } finally {
      setPending(false);
    }
  }

  const query = next !== "/workflows" ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {isSignUp && (
        <Field label="Name" name="name" type="text" autoComplete="name" placeholder="Ada Lovelace" error={fieldErrors.name} />
      )}
      <Field
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        placeholder="you@example.com"
        required
        error={fieldErrors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={isSignUp ? "new-password" : "current-password"}
        placeholder={isSignUp ? "at least 8 characters" : "••••••••"}
        required
        minLength={isSignUp ? 8 : undefined}
        error={fieldErrors.password}
      />
      {error && (
        <p role="alert" className="rounded-md border border-red-500/30 bg-red-500/10 px-3 py-2 text-sm text-red-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-violet-600 px-4 py-2.5 text-sm font-medium text-white shadow-lg shadow-violet-900/30 transition hover:bg-violet-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-violet-400 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? (isSignUp ? "Creating account…" : "Signing in…") : isSignUp ? "Create account" : "Sign in"}
      </button>
      <p className="text-center text-sm text-zinc-400">
        {isSignUp ? "Already have an account? " : "New to Galaxy? "}
        <Link
          href={`${isSignUp ? "/sign-in" : "/sign-up"}${query}`}
          className="font-medium text-violet-400 hover:text-violet-300"
        >
          {isSignUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}

function Field({
  label,
  error,
  ...input
}: { label: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const id = `field-${input.name}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-xs font-medium uppercase tracking-wide text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full rounded-lg border border-zinc-800 bg-zinc-900/80 px-3 py-2.5 text-sm text-zinc-100 placeholder:text-zinc-600 focus:border-violet-500 focus:outline-none focus:ring-1 focus:ring-violet-500 aria-[invalid]:border-red-500/60"
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
