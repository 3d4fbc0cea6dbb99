/**
 * CSRF defence for cookie-authenticated mutations: a browser attaches our cookies to
 * a cross-site form post or fetch, but it always says where the request came from
 * (`Origin`, or `Sec-Fetch-Site`). Bearer-token requests need no check: a browser never
 * attaches an Authorization header on its own.
 *
 * Our own origin is the URL Next serves, the Host header, GALAXY_PUBLIC_URL, and the forwarded
 * host only when `GALAXY_TRUST_PROXY` trusts the proxy that sent it.
 */
import type { NextRequest } from "next/server";
import { trustedForwarded } from "../auth/client-ip";
import { env } from "../env";
import { AppError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Throws 403 when the request comes from another site. */
export function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  if (origin) {
    if (origin !== "null" && allowedOrigins(req).has(origin)) return;
    throw new AppError("FORBIDDEN", `cross-origin request refused (Origin ${origin}); set GALAXY_PUBLIC_URL (or GALAXY_TRUST_PROXY) if this server sits behind a proxy`);
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw new AppError("FORBIDDEN", "cross-site request refused");
  }
}

function allowedOrigins(req: NextRequest): Set<string> {
  const allowed = new Set<string>([req.nextUrl.origin]);
  // Next rewrites a loopback host (127.0.0.1, [::1]) to "localhost" in req.url: accept each spelling.
  if (req.nextUrl.hostname === "localhost") {
    const port = req.nextUrl.port ? `:${req.nextUrl.port}` : "";
    for (const host of ["127.0.0.1", "[::1]"]) allowed.add(`${req.nextUrl.protocol}//${host}${port}`);
  }
  const publicUrl = env().GALAXY_PUBLIC_URL;
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  // X-Forwarded-Host/-Proto only from proxies GALAXY_TRUST_PROXY names: anyone else can send them.
  const proto = trustedForwarded(req, "x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  for (const host of [req.headers.get("host"), trustedForwarded(req, "x-forwarded-host")]) {
    if (host) allowed.add(`${proto}://${host.trim()}`);
  }
  return allowed;
}
