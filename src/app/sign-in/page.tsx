import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageUser } from "@/server/auth/require-page-user";
import { safeNextPath } from "@/server/auth/safe-next-path";
import { env } from "@/server/env";
import { AuthForm } from "./auth-form";
import { AuthShell } from "./auth-shell";

export const metadata: Metadata = { title: "Sign in — Galaxy" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  const config = env();
  if (config.clerkEnabled && config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) {
    const { ClerkPanel } = await import("./clerk-panel");
    return <ClerkPanel mode="sign-in" next={next} />;
  }
  if (await getPageUser()) redirect(next);
  return (
    <AuthShell title="Welcome back" subtitle="Sign in to your workflows.">
      <AuthForm mode="sign-in" next={next} />
    </AuthShell>
  );
}
