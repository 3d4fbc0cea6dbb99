/** Top bar of the dashboard and settings pages. */
"use client";
import Link from "next/link";
import { api } from "@/lib/client/api";

export function AppHeader({ email, current }: { email: string; current: "workflows" | "settings" }) {
  const link = (href: string, label: string, on: boolean) => (
    <Link href={href} aria-current={on ? "page" : undefined} className={`rounded-md px-3 py-1.5 text-sm ${on ? "bg-white/10 text-white" : "text-zinc-400 hover:text-white"}`}>
      {label}
    </Link>
  );
  return (
    <header className="flex h-14 items-center gap-2 border-b border-line bg-panel px-6">
      <Link href="/workflows" className="mr-4 flex items-center gap-2 font-semibold">
        <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-violet-600 text-sm">✦</span>
        Galaxy
      </Link>
      {link("/workflows", "Workflows", current === "workflows")}
      {link("/settings", "Settings", current === "settings")}
      <span className="ml-auto text-sm text-zinc-400" data-testid="user-email">{email}</span>
      {/* Sign-out reloads fully on purpose: no client state of the session survives. */}
      <button
        type="button"
        className="rounded-md px-3 py-1.5 text-sm text-zinc-400 hover:bg-white/10 hover:text-white"
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        onClick={() => void api("/api/auth/sign-out", { method: "POST", noAuthRedirect: true }).finally(() => (window.location.href = "/sign-in"))}
      >
        Sign out
      </button>
    </header>
  );
}
