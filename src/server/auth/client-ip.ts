import type { NextRequest } from "next/server";

/**
 * The caller's IP as the nearest proxy reports it (`X-Forwarded-For`'s first entry,
 * or `X-Real-IP`). Without a proxy in front these headers can be forged, so per-IP
 * limits are a speed bump and the per-e-mail limit is what protects an account.
 */
export function clientIp(req: NextRequest): string {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || req.headers.get("x-real-ip")?.trim() || "unknown";
}
