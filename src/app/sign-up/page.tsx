import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageUser } from "@/server/auth/require-page-user";
import { safeNextPath } from "@/server/auth/safe-next-path";
import { env } from "@/server/env";
import { AuthForm } from "../sign-in/auth-form";
import { AuthShell } from "../sign-in/auth-shell";

export const metadata: Metadata = { title: "Create an account — Galaxy" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  const config = env();
  if (config.clerkEnabled && config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) {
    const { ClerkPanel } = await import("../sign-in/clerk-panel");
    return <ClerkPanel mode="sign-up" next={next} />;
  }
  if (await getPageUser()) redirect(next);
  return (
    <AuthShell title="Create your account" subtitle="Build and run AI workflows on a canvas.">
      <AuthForm mode="sign-up" next={next} />
    </AuthShell>
  );
}
