import { NextResponse } from "next/server";
import { getHealth } from "@/server/health/get-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health — public: liveness with a database check.
export async function GET() {
  try {
    return NextResponse.json(await getHealth());
  } catch (error) {
    console.error("[health]", error);
    return NextResponse.json(
      { success: false, error: "database unavailable", code: "UNAVAILABLE" },
      { status: 503 },
    );
  }
}
