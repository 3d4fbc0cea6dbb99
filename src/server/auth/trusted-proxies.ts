/**
 * `GALAXY_TRUST_PROXY`: whose `X-Forwarded-*` headers are believed. Off by default, because
 * any client can send them; a hop count (`1`: one proxy in front, so the client is the last
 * `X-Forwarded-For` entry) or the addresses / CIDR ranges of the proxies themselves (then the
 * socket's peer must be one of them, and `X-Forwarded-For` is read from the right, past the
 * entries that are proxies too). Pure: the request side is `client-ip.ts`.
 */
import { BlockList, isIP } from "node:net";

export type TTrustProxy = { mode: "off" } | { mode: "hops"; hops: number } | { mode: "proxies"; proxies: string[] };

const MAX_HOPS = 20;

export function parseTrustProxy(value: string | undefined): { ok: true; value: TTrustProxy } | { ok: false; message: string } {
  const text = value?.trim() ?? "";
  if (text === "" || /^(0|off|false|no)$/i.test(text)) return { ok: true, value: { mode: "off" } };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) return { ok: false, message: `at most ${MAX_HOPS} proxy hops` };
    return { ok: true, value: { mode: "hops", hops } };
  }
  const proxies = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = proxies.find((entry) => parseRange(entry) === null);
  if (bad !== undefined) {
    return {
      ok: false,
      message: `"${bad}" is neither a hop count (like 1) nor a proxy address or CIDR range (like 10.0.0.2 or 172.16.0.0/12)`,
    };
  }
  return { ok: true, value: { mode: "proxies", proxies } };
}

/** `::ffff:10.0.0.1` (an IPv4 peer of a dual-stack socket) → `10.0.0.1`; brackets and an IPv4 port dropped. */
export function normalizeAddress(address: string): string {
  let text = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  return (mapped ? mapped[1] : text).toLowerCase();
}

/** A test of "is this address one of the proxies", built once per setting. */
export function proxyMatcher(proxies: string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of proxies) {
    const range = parseRange(entry)!;
    if (range.prefix === undefined) list.addAddress(range.address, range.family);
    else list.addSubnet(range.address, range.prefix, range.family);
  }
  return (address) => {
    const normal = normalizeAddress(address);
    const family = isIP(normal);
    return family !== 0 && list.check(normal, family === 4 ? "ipv4" : "ipv6");
  };
}

/** The entries of a comma-separated forwarded header, left (farthest) to right (nearest). */
export function forwardedEntries(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * How many hops in front of this server are trusted proxies: the hop count, or for a list, the
 * peer (if it is one) plus the proxies at the right end of `X-Forwarded-For`. 0 when nothing is trusted.
 */
export function trustedHops(
  trust: TTrustProxy,
  peer: string | null,
  forwardedFor: string[],
  isProxy: (address: string) => boolean,
): number {
  if (trust.mode === "off") return 0;
  if (trust.mode === "hops") return trust.hops;
  if (peer === null || !isProxy(peer)) return 0;
  let hops = 1;
  for (let i = forwardedFor.length - 1; i > 0 && isProxy(forwardedFor[i]); i--) hops++;
  return hops;
}

/** The entry `hops` from the right end (1 = the last), or the first one when the list is shorter. */
export function entryAtHop(entries: string[], hops: number): string | null {
  if (hops === 0 || entries.length === 0) return null;
  return entries[Math.max(0, entries.length - hops)];
}

function parseRange(entry: string): { address: string; prefix?: number; family: "ipv4" | "ipv6" } | null {
  const [address, prefixText, extra] = entry.split("/");
  if (extra !== undefined) return null;
  const normal = normalizeAddress(address);
  const family = isIP(normal);
  if (family === 0) return null;
  const name = family === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address: normal, family: name };
  if (!/^\d+$/.test(prefixText) || Number(prefixText) > (family === 4 ? 32 : 128)) return null;
  return { address: normal, prefix: Number(prefixText), family: name };
}
