import type { Metadata } from "next";
import { EditorShell } from "@/components/editor/editor-shell";
import { requirePageUser } from "@/server/auth/require-page-user";
import { env } from "@/server/env";
import { servedWorkflowJson } from "@/server/workflows/read-public-workflow";

export const metadata: Metadata = { title: "Editor — Galaxy" };
export const dynamic = "force-dynamic";

// /workflows/{id} — the editor (drafts and live runs are the client's; see load-workflow.ts)
export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  // Not awaited: the page's HTML and scripts go out at once and the workflow streams in after
  // them, in the same response, so the editor need not fetch it once its scripts have run.
  const served = servedWorkflowJson(user.id, id);
  // The body limit is the server's setting: the editor checks saves against the real one.
  return <EditorShell workflowId={id} maxBodyBytes={env().GALAXY_MAX_BODY_BYTES} served={served} />;
}
