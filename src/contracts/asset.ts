/** Uploaded and generated files as the API shows them: never storage keys, hashes or remote URLs. */
import { z } from "zod";
import { ZId } from "./list-query";
import { ZIsoDate } from "./wire";

export const ZPublicAsset = z
  .object({
    id: z.string(),
    url: z
      .string()
      .meta({ description: "where the owner fetches the file (`/api/files/{id}`, or the storage's URL)" }),
    kind: z.enum(["image", "video"]),
    mime: z.string(),
    size: z.number().int().meta({ description: "bytes" }),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationMs: z.number().int().nullable(),
    originalName: z.string().nullable(),
    createdAt: ZIsoDate,
  })
  .meta({ id: "Asset" });

/** `POST /api/uploads`: one multipart field `file`. */
export const ZUploadForm = z.object({
  file: z
    .file()
    .meta({
      description:
        "an image (jpg, png, webp, gif; ≤ 20 MiB) or a video (mp4, mov, webm, m4v; ≤ 500 MiB), typed by its content",
    }),
});

export const ZFileParams = z.object({ id: ZId });
