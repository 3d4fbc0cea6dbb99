import type { Metadata } from "next";
import { EditorShell } from "@/components/editor/editor-shell";
import { requirePageUser } from "@/server/auth/require-page-user";

export const metadata: Metadata = { title: "Editor — Galaxy" };
export const dynamic = "force-dynamic";

// /workflows/{id} — the editor (the workflow itself loads client-side, with drafts and live runs)
export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id } = await params;
  return <EditorShell workflowId={id} />;
}
