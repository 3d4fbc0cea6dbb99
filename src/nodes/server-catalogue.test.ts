import { describe, expect, it } from "vitest";
import { loadNodeServer, serverNodeCatalogue } from "./server-catalogue";

describe("the server catalogue", () => {
  it.each(serverNodeCatalogue.list().map((d) => [d.type, d] as const))("finds %s's server.ts by its folder", async (_type, definition) => {
    const server = await serverNodeCatalogue.loadServer(definition);
    expect(server.execute).toBeTypeOf("function");
  });

  it("gives the checks only the server can make to the types that have them", async () => {
    const checks = await Promise.all(serverNodeCatalogue.list().map(async (d) => [d.type, typeof (await loadNodeServer(d)).checkReady] as const));
    expect(Object.fromEntries(checks)).toEqual({
      text: "undefined",
      uploadImage: "function",
      uploadVideo: "function",
      llm: "function",
      vision: "function",
      cropImage: "undefined",
      extractFrame: "undefined",
    });
  });

  it("loads a folder once, and says so when a folder has no server.ts", async () => {
    const llm = serverNodeCatalogue.get("llm")!;
    expect(await loadNodeServer(llm)).toBe(await loadNodeServer(serverNodeCatalogue.get("vision")!));
    await expect(loadNodeServer({ ...llm, folder: "no-such-folder" })).rejects.toThrow();
  });
});
