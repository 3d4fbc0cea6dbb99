/**
 * Who is on the other end, for per-IP limits and the origin check, as far as `GALAXY_TRUST_PROXY`
 * lets forwarded headers say. With it off (the default) X-Forwarded-* change nothing: the client
 * is the socket's peer (`peer-address.ts`), or the constant "direct" where the peer is unknown.
 */
import type { NextRequest } from "next/server";
import { env } from "@/server/env";
import { peerAddress } from "./peer-address";
import { entryAtHop, forwardedEntries, normalizeAddress, proxyMatcher, trustedHops, type TTrustProxy } from "./trusted-proxies";

/** The key of requests whose peer is unknown (not stamped): they share one per-IP limit. */
export const UNKNOWN_CLIENT = "direct";
const MAX_IP_LENGTH = 100;

export function clientIp(req: NextRequest): string {
  const peer = peerAddress(req.headers);
  const forwardedFor = forwardedEntries(req.headers.get("x-forwarded-for"));
  const client = entryAtHop(forwardedFor, hopsOf(peer, forwardedFor));
  return (client ? normalizeAddress(client) : peer ?? UNKNOWN_CLIENT).slice(0, MAX_IP_LENGTH);
}

/** `X-Forwarded-Host` / `X-Forwarded-Proto` as the trusted proxies set it; null when none is trusted. */
export function trustedForwarded(req: NextRequest, name: "x-forwarded-host" | "x-forwarded-proto"): string | null {
  const peer = peerAddress(req.headers);
  return entryAtHop(forwardedEntries(req.headers.get(name)), hopsOf(peer, forwardedEntries(req.headers.get("x-forwarded-for"))));
}

function hopsOf(peer: string | null, forwardedFor: string[]): number {
  const trust = env().GALAXY_TRUST_PROXY;
  return trustedHops(trust, peer, forwardedFor, matcherOf(trust));
}

const matchers = new WeakMap<TTrustProxy, (address: string) => boolean>();
const NOTHING = () => false;

function matcherOf(trust: TTrustProxy): (address: string) => boolean {
  if (trust.mode !== "proxies") return NOTHING;
  let matcher = matchers.get(trust);
  if (!matcher) matchers.set(trust, (matcher = proxyMatcher(trust.proxies)));
  return matcher;
}
