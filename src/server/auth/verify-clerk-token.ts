/**
 * Verifies a Clerk session JWT with `@clerk/backend`: networkless with CLERK_JWT_KEY,
 * otherwise through Clerk's JWKS endpoint (CLERK_SECRET_KEY). The e-mail comes from
 * the `email` claim, which Clerk adds when the session token is customized with
 * `{"email": "{{user.primary_email_address}}"}` (Dashboard → Sessions → Customize session token).
 */
import "server-only";
import { verifyToken } from "@clerk/backend";
import { env } from "@/server/env";
import { logger } from "@/server/log";

export interface ClerkIdentity {
  clerkId: string;
  email: string | null;
  name: string | null;
}

export type ClerkVerification = { ok: true; identity: ClerkIdentity } | { ok: false; reason: string };

export async function verifyClerkToken(token: string): Promise<ClerkVerification> {
  const config = env();
  try {
    const claims = await verifyToken(token, {
      jwtKey: config.CLERK_JWT_KEY,
      secretKey: config.CLERK_SECRET_KEY,
      apiUrl: config.CLERK_API_URL,
      authorizedParties: authorizedParties(config.CLERK_AUTHORIZED_PARTIES, config.GALAXY_PUBLIC_URL),
    });
    if (typeof claims.sub !== "string" || claims.sub === "") return { ok: false, reason: "the Clerk token has no subject" };
    return {
      ok: true,
      identity: { clerkId: claims.sub, email: emailClaim(claims), name: stringClaim(claims, "name") },
    };
  } catch (error) {
    const reason = (error as { reason?: string }).reason;
    return { ok: false, reason: describeFailure(reason, error) };
  }
}

function authorizedParties(configured: string | undefined, publicUrl: string | undefined): string[] | undefined {
  const list = (configured ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0 && publicUrl) list.push(new URL(publicUrl).origin);
  return list.length > 0 ? list : undefined;
}

function stringClaim(claims: Record<string, unknown>, key: string): string | null {
  const value = claims[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function emailClaim(claims: Record<string, unknown>): string | null {
  const email = stringClaim(claims, "email") ?? stringClaim(claims, "primary_email_address");
  return email && /^[^\s@]+@[^\s@]+$/.test(email) ? email.toLowerCase() : null;
}

function describeFailure(reason: string | undefined, error: unknown): string {
  switch (reason) {
    case "token-expired":
      return "the Clerk session token has expired";
    case "token-not-active-yet":
    case "token-iat-in-the-future":
      return "the Clerk session token is not valid yet";
    case "token-invalid-authorized-parties":
      return "the Clerk session token was issued for another origin (azp)";
    case "token-invalid-signature":
    case "jwk-kid-mismatch":
    case "jwk-local-missing":
    case "jwk-remote-missing":
      return "the Clerk session token's signature does not match this server's key";
    case undefined:
      logger("auth").error({ err: error }, "Clerk verification failed");
      return "the Clerk session token could not be verified";
    default:
      return `the Clerk session token is invalid (${reason})`;
  }
}
