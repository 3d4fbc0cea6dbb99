import { describe, expect, it } from "vitest";
import { sniffMediaType } from "./sniff-media-type";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], "ftyp", major, [0, 0, 2, 0], ...compatible);
};

describe("sniffMediaType", () => {
  it.each([
    [bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image/png"],
    [bytes("GIF87a"), "image/gif"],
    [bytes("GIF89a"), "image/gif"],
    [bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
    [ftyp("isom", "iso2", "avc1"), "video/mp4"],
    [ftyp("mp42"), "video/mp4"],
    [ftyp("qt  "), "video/quicktime"],
    [ftyp("M4V ", "M4A "), "video/x-m4v"],
    [ftyp("XXXX", "mp41"), "video/mp4"],
    [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm"), "video/webm"],
  ])("recognises %#: %s", (head, mime) => {
    expect(sniffMediaType(head)?.mime).toBe(mime);
  });

  it.each([
    ["an ELF executable", bytes([0x7f], "ELF", [2, 1, 1, 0])],
    ["a Windows executable", bytes("MZ", [0x90, 0])],
    ["a shell script", bytes("#!/bin/sh\n")],
    ["an SVG", bytes("<svg xmlns=")],
    ["a Matroska (not WebM) file", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], "matroska")],
    ["an M4A audio file", ftyp("M4A ", "isom")],
    ["a HEIC image", ftyp("heic", "mif1")],
    ["a RIFF WAVE file", bytes("RIFF", [1, 2, 3, 4], "WAVE")],
    ["nothing", bytes()],
  ])("refuses %s", (_what, head) => {
    expect(sniffMediaType(head)).toBeUndefined();
  });
});
