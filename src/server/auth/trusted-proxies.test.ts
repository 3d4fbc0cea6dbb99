import { describe, expect, it } from "vitest";
import { entryAtHop, forwardedEntries, normalizeAddress, parseTrustProxy, proxyMatcher, trustedHops, type TTrustProxy } from "./trusted-proxies";

describe("parseTrustProxy", () => {
  it.each([
    [undefined, { mode: "off" }],
    ["", { mode: "off" }],
    ["off", { mode: "off" }],
    ["0", { mode: "off" }],
    ["1", { mode: "hops", hops: 1 }],
    ["2", { mode: "hops", hops: 2 }],
    ["10.0.0.2, 172.16.0.0/12,::1", { mode: "proxies", proxies: ["10.0.0.2", "172.16.0.0/12", "::1"] }],
  ])("reads %o", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual({ ok: true, value: expected });
  });

  it.each(["true", "10.0.0.300", "10.0.0.0/33", "proxy.local", "21"])("refuses %o", (value) => {
    expect(parseTrustProxy(value).ok).toBe(false);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["203.0.113.9:51000", "203.0.113.9"],
    [" 10.0.0.1 ", "10.0.0.1"],
  ])("%s → %s", (input, output) => expect(normalizeAddress(input)).toBe(output));
});

describe("trustedHops and entryAtHop", () => {
  const list: TTrustProxy = { mode: "proxies", proxies: ["10.0.0.2", "172.16.0.0/12"] };
  const isProxy = proxyMatcher(list.mode === "proxies" ? list.proxies : []);
  const client = (trust: TTrustProxy, peer: string | null, xff: string) => {
    const entries = forwardedEntries(xff);
    return entryAtHop(entries, trustedHops(trust, peer, entries, isProxy));
  };

  it("off: nothing forwarded counts", () => {
    expect(client({ mode: "off" }, "10.0.0.2", "1.1.1.1, 2.2.2.2")).toBeNull();
  });

  it("a hop count: that many entries from the right; the first one when there are fewer", () => {
    expect(client({ mode: "hops", hops: 1 }, null, "6.6.6.6, 1.1.1.1")).toBe("1.1.1.1");
    expect(client({ mode: "hops", hops: 2 }, null, "6.6.6.6, 1.1.1.1, 10.0.0.9")).toBe("1.1.1.1");
    expect(client({ mode: "hops", hops: 3 }, null, "1.1.1.1")).toBe("1.1.1.1");
    expect(client({ mode: "hops", hops: 1 }, null, "")).toBeNull();
  });

  it("proxy addresses: only from a proxy peer, past the proxies at the right end", () => {
    expect(client(list, "10.0.0.2", "6.6.6.6, 1.1.1.1, 172.20.0.3")).toBe("1.1.1.1");
    expect(client(list, "::ffff:10.0.0.2", "1.1.1.1")).toBe("1.1.1.1");
    expect(client(list, "192.0.2.1", "1.1.1.1")).toBeNull();
    expect(client(list, null, "1.1.1.1")).toBeNull();
    expect(client(list, "10.0.0.2", "172.20.0.4, 172.20.0.3")).toBe("172.20.0.4");
  });
});
