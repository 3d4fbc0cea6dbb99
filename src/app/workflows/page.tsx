import type { Metadata } from "next";
import { Dashboard } from "@/components/dashboard/dashboard";
import { requirePageUser } from "@/server/auth/require-page-user";

export const metadata: Metadata = { title: "Workflows — Galaxy" };
export const dynamic = "force-dynamic";

// /workflows — the signed-in user's workflows
export default async function WorkflowsPage() {
  const user = await requirePageUser();
  return <Dashboard email={user.email} />;
}
