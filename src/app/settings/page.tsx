import type { Metadata } from "next";
import { IntegrationsPanel } from "@/components/settings/integrations-panel";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { AppHeader } from "@/components/ui/app-header";
import { requirePageUser } from "@/server/auth/require-page-user";

export const metadata: Metadata = { title: "Settings — Galaxy" };
export const dynamic = "force-dynamic";

// /settings — API tokens and integration statuses
export default async function SettingsPage() {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen bg-canvas">
      <AppHeader email={user.email} current="settings" />
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <TokensPanel />
        <IntegrationsPanel />
      </main>
    </div>
  );
}
