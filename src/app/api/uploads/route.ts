import { NextResponse } from "next/server";
import { createAssetFromUpload, toPublicAsset } from "@/server/assets";
import { apiRoute } from "@/server/http/api-route";

// Streams the body itself: no JSON parsing, no buffering of the file.
export const runtime = "nodejs";

// POST /api/uploads — multipart field `file` (image ≤ 20 MiB, video ≤ 500 MiB; type checked by content)
export const POST = apiRoute({}, async ({ req, user }) => {
  const asset = await createAssetFromUpload(user.id, req);
  return NextResponse.json({ success: true, asset: toPublicAsset(asset) }, { status: 201 });
});
