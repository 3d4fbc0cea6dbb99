import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "@/lib/client/api";
import { takeServed } from "./served-workflow";

const workflow = { id: "w1", name: "served", nodes: [], edges: [], version: 3 };

describe("takeServed", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("hands over the served workflow once; the same promise again means a fetch", async () => {
    const served = Promise.resolve(JSON.stringify(workflow));
    expect(await takeServed(served)).toEqual(workflow);
    expect(await takeServed(served)).toBeNull();
  });

  it("means a fetch when nothing was served or the render could not read it", async () => {
    expect(await takeServed(undefined)).toBeNull();
    expect(await takeServed(Promise.resolve(null))).toBeNull();
    expect(await takeServed(Promise.reject(new Error("stream cut")))).toBeNull();
  });

  it("reads a thenable whose then returns nothing (how React hands a streamed promise over)", async () => {
    const thenable = Object.assign(Object.create(Promise.prototype) as Promise<string>, {
      then(resolve: (json: string) => void) {
        resolve(JSON.stringify(workflow));
      },
    });
    expect(await takeServed(thenable)).toEqual(workflow);
  });

  it("means a fetch once this tab has written anything (the render may predate it)", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ success: true }), { status: 200 })));
    await api("/api/workflows/w1", { method: "PATCH", body: { version: 3 } });
    expect(await takeServed(Promise.resolve(JSON.stringify(workflow)))).toBeNull();
  });
});
