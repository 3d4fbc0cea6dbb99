/**
 * Forwarded headers count only from declared proxies (issue 15, defect 2). With
 * GALAXY_TRUST_PROXY off, a forged X-Forwarded-For changes nothing: 15 sign-ups from one client
 * are limited, both in-process (peer unknown: one shared key) and over real HTTP (the socket's
 * address, stamped by the server); a forged X-Forwarded-Host does not pass the origin check.
 * With a hop count or the proxies' addresses, distinct forwarded clients are counted apart.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import { peerAddressHeader, stampPeerAddresses } from "@/server/auth/peer-address";
import { SIGN_UP_PER_IP } from "@/server/auth/rate-limit";
import { useDatabase } from "@/server/db";
import { rateLimits } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
const BASE_ENV = { GALAXY_WORKER: "off", NODE_ENV: "test" };
const ORIGIN = "http://127.0.0.1:3000";
const ATTEMPTS = 15;
let counter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});
beforeEach(async () => {
  resetEnvCache(BASE_ENV);
  await t.handle.db.delete(rateLimits);
});

const trustProxy = (value: string) => resetEnvCache({ ...BASE_ENV, GALAXY_TRUST_PROXY: value });

const signUpWith = (headers: Record<string, string>) =>
  callRoute(signUp, "/api/auth/sign-up", {
    headers: { origin: ORIGIN, ...headers },
    body: { email: `person-${++counter}@example.com`, password: "correct horse battery", name: "P" },
  });

async function signUps(headersOf: (i: number) => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < ATTEMPTS; i++) statuses.push((await signUpWith(headersOf(i))).status);
  return statuses;
}

const limitedRun = [...Array<number>(SIGN_UP_PER_IP.limit).fill(200), ...Array<number>(ATTEMPTS - SIGN_UP_PER_IP.limit).fill(429)];

describe("GALAXY_TRUST_PROXY off (the default)", () => {
  it("ignores forged X-Forwarded-For and X-Real-IP: 15 sign-ups from one client are limited", async () => {
    const statuses = await signUps((i) => ({ "x-forwarded-for": `10.66.0.${i}`, "x-real-ip": `10.77.0.${i}` }));
    expect(statuses).toEqual(limitedRun);
  });

  it("refuses a cross-site request whose forged X-Forwarded-Host / -Proto name the attacker's origin", async () => {
    const res = await callRoute(signIn, "/api/auth/sign-in", {
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      body: { email: "x@example.com", password: "whatever1" },
    });
    expect(res.status).toBe(403);
    expect(res.json?.code).toBe("FORBIDDEN");
  });
});

describe("GALAXY_TRUST_PROXY set", () => {
  it("1: counts distinct forwarded clients apart, and one client alike whatever it prepends", async () => {
    trustProxy("1");
    expect(await signUps((i) => ({ "x-forwarded-for": `10.66.1.${i}` }))).toEqual(Array(ATTEMPTS).fill(200));
    // The proxy appends the real client; what the client sent itself is to the left.
    expect(await signUps((i) => ({ "x-forwarded-for": `10.66.2.${i}, 192.0.2.44` }))).toEqual(limitedRun);
  });

  it("2: the client is the second entry from the right", async () => {
    trustProxy("2");
    expect(await signUps((i) => ({ "x-forwarded-for": `10.66.3.${i}, 192.0.2.45, 10.0.0.9` }))).toEqual(limitedRun);
  });

  it("proxy addresses: believed only when the socket's peer is one of them, read from the right past the proxies", async () => {
    trustProxy("10.0.0.2, 172.16.0.0/12");
    stampPeerAddresses();
    const peer = peerAddressHeader()!;
    // Through the two proxies: the client is the first entry that is not one of them.
    expect(await signUps((i) => ({ [peer]: "10.0.0.2", "x-forwarded-for": `10.66.4.${i}, 172.20.0.3` }))).toEqual(Array(ATTEMPTS).fill(200));
    expect(await signUps((i) => ({ [peer]: "10.0.0.2", "x-forwarded-for": `10.66.5.${i}, 192.0.2.46, 172.20.0.3` }))).toEqual(limitedRun);
    // Straight from a client that is not a proxy: its X-Forwarded-For is ignored.
    expect(await signUps((i) => ({ [peer]: "192.0.2.47", "x-forwarded-for": `10.66.6.${i}` }))).toEqual(limitedRun);
  });

  it("accepts the forwarded host in the origin check only from a trusted proxy", async () => {
    trustProxy("1");
    const res = await callRoute(signIn, "/api/auth/sign-in", {
      headers: { origin: "https://galaxy.example.com", "x-forwarded-host": "galaxy.example.com", "x-forwarded-proto": "https", "x-forwarded-for": "192.0.2.48" },
      body: { email: "x@example.com", password: "whatever1" },
    });
    expect(res.status).toBe(401);
  });
});

describe("over real HTTP", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    stampPeerAddresses();
    server = createServer((req, res) => {
      void forward(req).then(async (answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The sign-up route behind a plain Node server, as Next's server hands it a request. */
  async function forward(req: IncomingMessage): Promise<Response> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new NextRequest(new URL(req.url!, url), { method: req.method, headers, body: Buffer.concat(chunks) });
    return signUp(request, { params: Promise.resolve({}) });
  }

  it("limits 15 sign-ups from one socket address, whatever X-Forwarded-For and the stamp's prefix say", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      const res = await fetch(`${url}/api/auth/sign-up`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: url,
          "x-forwarded-for": `10.88.0.${i}`,
          "x-galaxy-peer": `10.88.1.${i}`,
        },
        body: JSON.stringify({ email: `http-${i}@example.com`, password: "correct horse battery" }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual(limitedRun);
    // Counted under the socket's address, not the shared key of unstamped requests.
    const viaDirect = await signUpWith({});
    expect(viaDirect.status).toBe(200);
  });
});
