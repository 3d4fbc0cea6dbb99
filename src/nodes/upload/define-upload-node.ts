/**
 * The two upload nodes are one node made twice, for images and for videos: this builds the
 * definition from a kind, its file extensions and labels; `create-upload-server.ts` and
 * `upload-node-view.tsx` build the executor and the canvas view for the same kind.
 */
import { z } from "zod";
import { defineNode } from "../types";

export type UploadKind = "image" | "video";

/** "Image", "Video": the output port's label, and the other node's name in messages. */
export const UPLOAD_KIND_LABEL: Record<UploadKind, string> = { image: "Image", video: "Video" };

export interface UploadNodeOptions {
  type: string;
  kind: UploadKind;
  label: string;
  description: string;
  icon: string;
  color: string;
  /** Place among the panel's inputs. */
  order: number;
  /** Offered by the file picker and checked before uploading (the server checks the content). */
  extensions: readonly string[];
}

export const ZUploadData = z.looseObject({ assetId: z.string().min(1).max(100).nullish() });

/** An upload node's definition; it keeps its options so the server side reads the same kind. */
export function defineUploadNode(options: UploadNodeOptions) {
  const { type, kind, label, description, icon, color, order } = options;
  const missing = `no ${kind} uploaded yet`;
  const definition = defineNode({
    type,
    label,
    description,
    icon,
    color,
    sidebar: { section: "Inputs", order },
    // The node shows its own preview or player.
    inlineResult: false,
    inputs: {},
    outputs: { [kind]: { type: kind, label: UPLOAD_KIND_LABEL[kind] } },
    data: ZUploadData,
    resolved: z.object({ assetId: z.string({ error: missing }).min(1, missing) }),
    defaults: { assetId: null },
    // The file's URL is its asset's (`assetUrl` on the server), known as soon as it is uploaded.
    knownOutputs: (data) => (typeof data.assetId === "string" && data.assetId ? { [kind]: `/api/files/${data.assetId}` } : undefined),
    component: () => import("./upload-node-view").then((view) => ({ default: view.createUploadNodeView(options) })),
  });
  return { ...definition, upload: options };
}

export type UploadNode = ReturnType<typeof defineUploadNode>;
