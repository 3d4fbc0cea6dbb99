import type { Metadata } from "next";
import { EditorShell } from "@/components/editor/editor-shell";
import { requirePageUser } from "@/server/auth/require-page-user";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Editor — Galaxy" };
export const dynamic = "force-dynamic";

// /workflows/{id} — the editor (the workflow itself loads client-side, with drafts and live runs)
export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id } = await params;
  // The body limit is the server's setting: the editor checks saves against the real one.
  return <EditorShell workflowId={id} maxBodyBytes={env().GALAXY_MAX_BODY_BYTES} />;
}
