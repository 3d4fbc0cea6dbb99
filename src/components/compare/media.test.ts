import { describe, expect, it } from "vitest";
import { mediaOf, unwrapSingle } from "./media";

describe("mediaOf", () => {
  it("follows the port type, else guesses from the URL and the key", () => {
    expect(mediaOf("image", "/api/files/a.png", "image")).toEqual({
      kind: "image",
      urls: ["/api/files/a.png"],
    });
    expect(mediaOf("images", ["/api/files/a", "/api/files/b"], "image")).toEqual({
      kind: "image",
      urls: ["/api/files/a", "/api/files/b"],
    });
    expect(mediaOf("video_url", "/api/files/v", "video")).toEqual({ kind: "video", urls: ["/api/files/v"] });
    expect(mediaOf("output", "/api/files/x", "text")).toBeNull();
    expect(mediaOf("imageUrl", "https://example.com/cat.jpg")).toEqual({
      kind: "image",
      urls: ["https://example.com/cat.jpg"],
    });
    expect(mediaOf("videoUrl", "/api/files/clip")).toEqual({ kind: "video", urls: ["/api/files/clip"] });
    expect(mediaOf("text", "hello")).toBeNull();
    expect(mediaOf("link", "https://example.com/page")).toBeNull();
    expect(mediaOf("images", [])).toBeNull();
  });

  it("unwraps a list of one", () => {
    expect(unwrapSingle(["a"])).toBe("a");
    expect(unwrapSingle(["a", "b"])).toEqual(["a", "b"]);
    expect(unwrapSingle("a")).toBe("a");
  });
});
