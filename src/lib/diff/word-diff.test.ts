import { describe, expect, it } from "vitest";
import { diffWords, lineTokens, wordTokens, type DiffSegment } from "./word-diff";

/** What each side reads: the diff must give both texts back exactly. */
function sides(segments: DiffSegment[]) {
  return {
    a: segments
      .filter((s) => s.kind !== "added")
      .map((s) => s.text)
      .join(""),
    b: segments
      .filter((s) => s.kind !== "removed")
      .map((s) => s.text)
      .join(""),
  };
}

/** A deterministic pseudo-random text (mulberry32), so a failure can be replayed. */
function randomWords(seed: number, count: number, vocabulary: string[]): string {
  let t = seed >>> 0;
  const next = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(
    next() < 0.1 ? "\n" : " ",
  );
}

describe("tokens", () => {
  it("are words and whitespace runs, and join back to the text", () => {
    expect(wordTokens("Hello,  world\n again")).toEqual(["Hello,", "  ", "world", "\n ", "again"]);
    expect(wordTokens("")).toEqual([]);
    expect(lineTokens("one\ntwo\n\nthree")).toEqual(["one\n", "two\n", "\n", "three"]);
  });
});

describe("diffWords", () => {
  it("marks a replaced word between unchanged ones", () => {
    expect(diffWords("the cat sat", "the dog sat")).toEqual({
      unit: "word",
      segments: [
        { kind: "same", text: "the " },
        { kind: "removed", text: "cat" },
        { kind: "added", text: "dog" },
        { kind: "same", text: " sat" },
      ],
    });
  });

  it("shows insertions and deletions on their own", () => {
    expect(diffWords("a b c", "a b x c").segments).toEqual([
      { kind: "same", text: "a b " },
      { kind: "added", text: "x " },
      { kind: "same", text: "c" },
    ]);
    expect(diffWords("stub: Write a short tagline", "stub: Write a tagline").segments).toEqual([
      { kind: "same", text: "stub: Write a " },
      { kind: "removed", text: "short " },
      { kind: "same", text: "tagline" },
    ]);
  });

  it("folds a lone space between two changes into one replaced phrase", () => {
    expect(diffWords("The cat ran home", "A dog ran home").segments).toEqual([
      { kind: "removed", text: "The cat" },
      { kind: "added", text: "A dog" },
      { kind: "same", text: " ran home" },
    ]);
  });

  it("handles equal, empty and one-sided texts", () => {
    expect(diffWords("same text", "same text").segments).toEqual([{ kind: "same", text: "same text" }]);
    expect(diffWords("", "").segments).toEqual([]);
    expect(diffWords("", "new words").segments).toEqual([{ kind: "added", text: "new words" }]);
    expect(diffWords("old words", "").segments).toEqual([{ kind: "removed", text: "old words" }]);
  });

  it("gives both texts back from any diff, and keeps unchanged words unchanged", () => {
    const vocabulary = ["alpha", "beta", "gamma", "delta", "the", "a", "launch", "plan", "!"];
    for (let seed = 1; seed <= 60; seed++) {
      const a = randomWords(seed, 5 + (seed % 40), vocabulary);
      const b = randomWords(seed * 7919, 5 + ((seed * 3) % 40), vocabulary);
      const diff = diffWords(a, b);
      expect(diff.unit).toBe("word");
      expect(sides(diff.segments)).toEqual({ a, b });
      // Merged: no two neighbours of a kind, nothing empty.
      for (let i = 0; i < diff.segments.length; i++) {
        expect(diff.segments[i].text).not.toBe("");
        if (i > 0) expect(diff.segments[i].kind).not.toBe(diff.segments[i - 1].kind);
      }
    }
  });

  it("finds a shortest edit: one changed word in a long text is one change", () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `w${i}`);
    const a = words.join(" ");
    const b = words.map((w, i) => (i === 1_000 ? "CHANGED" : w)).join(" ");
    const diff = diffWords(a, b);
    expect(diff.unit).toBe("word");
    expect(diff.segments.filter((s) => s.kind !== "same")).toEqual([
      { kind: "removed", text: "w1000" },
      { kind: "added", text: "CHANGED" },
    ]);
  });

  it("falls back to lines when the words are over the limits, and stays fast", () => {
    // 6,000 different words a side (12,000 tokens): far over 4,000 tokens, in lines of ten words.
    const text = (prefix: string) =>
      Array.from({ length: 600 }, (_, line) =>
        Array.from({ length: 10 }, (_, w) => `${prefix}${line}-${w}`).join(" "),
      ).join("\n");
    const a = text("a");
    const b = a.replace("a300-0 ", "b300-0 ");
    const started = performance.now();
    const diff = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(1_000);
    // The common prefix and suffix are trimmed first, so one change is still a word diff.
    expect(diff.unit).toBe("word");
    expect(diff.segments.filter((s) => s.kind !== "same")).toEqual([
      { kind: "removed", text: "a300-0" },
      { kind: "added", text: "b300-0" },
    ]);

    const c = text("c");
    const whole = diffWords(a, c);
    expect(whole.unit).toBe("line");
    expect(sides(whole.segments)).toEqual({ a, b: c });
  });

  it("falls back to one block when lines are over the limits too", () => {
    const limits = { maxTokens: 50, maxEdits: 20 };
    const a = Array.from({ length: 60 }, (_, i) => `line a${i}`).join("\n");
    const b = Array.from({ length: 60 }, (_, i) => `line b${i}`).join("\n");
    const diff = diffWords(`start ${a} end`, `start ${b} end`, limits);
    expect(diff.unit).toBe("block");
    expect(diff.segments[0]).toEqual({ kind: "same", text: "start line " });
    expect(diff.segments.at(-1)).toEqual({ kind: "same", text: "59 end" });
    expect(sides(diff.segments)).toEqual({ a: `start ${a} end`, b: `start ${b} end` });
  });

  it("gives up on words in bounded time when two texts under the token limit differ everywhere", () => {
    // 3,999 tokens a side (2,000 words), every word different: thousands of edits, over 1,500.
    const text = (prefix: string) =>
      Array.from({ length: 200 }, (_, line) =>
        Array.from({ length: 10 }, (_, w) => `${prefix}${line * 10 + w}`).join(" "),
      ).join("\n");
    const [a, b] = [text("a"), text("b")];
    const started = performance.now();
    const diff = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(diff.unit).toBe("line");
    expect(sides(diff.segments)).toEqual({ a, b });
  });

  it("keeps the edit bound: many edits give way to lines, few stay words", () => {
    const limits = { maxTokens: 4_000, maxEdits: 10 };
    const few = diffWords("one two three four", "one 2 three four", limits);
    expect(few.unit).toBe("word");
    const many = diffWords("a b c d e f g h\nsame line", "1 2 3 4 5 6 7 8\nsame line", limits);
    expect(many.unit).toBe("line");
    expect(many.segments).toEqual([
      { kind: "removed", text: "a b c d e f g h\n" },
      { kind: "added", text: "1 2 3 4 5 6 7 8\n" },
      { kind: "same", text: "same line" },
    ]);
  });
});
