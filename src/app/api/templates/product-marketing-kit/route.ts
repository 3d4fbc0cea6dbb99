import { apiRoute, created } from "@/server/http/api-route";
import { createProductMarketingKit } from "@/server/templates/product-marketing-kit";

export const runtime = "nodejs";

// POST /api/templates/product-marketing-kit — a ready-to-run sample workflow (sample image and video made on first use).
export const POST = apiRoute({}, async ({ user }) => created({ workflow: await createProductMarketingKit(user.id) }));
