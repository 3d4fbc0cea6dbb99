/**
 * The address of the socket a request came in on. Next.js does not give it to route handlers
 * (NextRequest has had no `ip` since Next 15), and it fills `X-Forwarded-For` from the socket
 * only when the client sent none, so a forged header hides it. The server process therefore
 * stamps every request it accepts, from Node's `http.server.request.start` diagnostics channel
 * (published before the request reaches Next), in a header whose name is random per process:
 * a client cannot send it, and a value under that name was always written by this server.
 *
 * `stampPeerAddresses()` runs once at start (`instrumentation.ts`). Where it has not run
 * (route handlers called in-process by tests, a worker) the peer is unknown: null.
 */
import { subscribe } from "node:diagnostics_channel";
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { normalizeAddress } from "./trusted-proxies";

const holder = globalThis as unknown as { __galaxyPeerHeader?: string };

export function stampPeerAddresses(): void {
  if (holder.__galaxyPeerHeader) return;
  const header = `x-galaxy-peer-${randomBytes(12).toString("hex")}`;
  holder.__galaxyPeerHeader = header;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[header] = socket.remoteAddress ? normalizeAddress(socket.remoteAddress) : "";
  });
}

/** The request's socket address as stamped by this process; null when it was not stamped. */
export function peerAddress(headers: Headers): string | null {
  const header = holder.__galaxyPeerHeader;
  return (header && headers.get(header)) || null;
}

/** The stamp's header name in this process (null before `stampPeerAddresses`); for tests. */
export function peerAddressHeader(): string | null {
  return holder.__galaxyPeerHeader ?? null;
}
