import { describe, expect, it } from "vitest";
import { loadNodeServer, serverNodeCatalogue } from "./server-catalogue";

const runnable = serverNodeCatalogue.list().filter((d) => !d.canvasOnly);

describe("the server catalogue", () => {
  it.each(runnable.map((d) => [d.type, d] as const))("finds %s's server.ts by its folder", async (_type, definition) => {
    const server = await serverNodeCatalogue.loadServer(definition);
    expect(server.execute).toBeTypeOf("function");
  });

  it("gives the checks only the server can make to the types that have them", async () => {
    const checks = await Promise.all(runnable.map(async (d) => [d.type, typeof (await loadNodeServer(d)).checkReady] as const));
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

  it("runs only the types that are not canvas-only, and the canvas-only ones have no server side", async () => {
    expect(serverNodeCatalogue.list().filter((d) => d.canvasOnly).map((d) => d.type)).toEqual(["note", "frame"]);
    await expect(loadNodeServer(serverNodeCatalogue.get("note")!)).rejects.toThrow("a note is drawn on the canvas only: it is never run");
  });
});
