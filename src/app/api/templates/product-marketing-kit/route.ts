import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { createProductMarketingKit } from "@/server/templates/product-marketing-kit";
import { toPublicWorkflow } from "@/server/workflows/to-public-workflow";

export const runtime = "nodejs";

// POST /api/templates/product-marketing-kit — a ready-to-run sample workflow (sample image and video made on first use).
export const POST = apiRoute(API_ROUTES.createTemplateWorkflow, async ({ user }) => ({
  workflow: toPublicWorkflow(await createProductMarketingKit(user.id)),
}));
