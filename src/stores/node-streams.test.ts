import { describe, expect, it } from "vitest";
import { appendDelta, dropStreams, replaceText, startAttempt, type NodeStreams } from "./node-streams";

describe("node streams", () => {
  it("appends deltas of one attempt in order", () => {
    let s: NodeStreams = {};
    for (const text of ["Hel", "lo ", "world"]) s = appendDelta(s, { nodeId: "a", attempt: 1, text });
    expect(s).toEqual({ a: { attempt: 1, text: "Hello world" } });
  });

  it("starts the text over on a retry and drops a late delta of the earlier attempt", () => {
    let s: NodeStreams = { a: { attempt: 1, text: "partial" } };
    s = startAttempt(s, "a", 2);
    expect(s.a).toEqual({ attempt: 2, text: "" });
    s = appendDelta(s, { nodeId: "a", attempt: 1, text: " late" });
    s = appendDelta(s, { nodeId: "a", attempt: 2, text: "fresh" });
    expect(s.a).toEqual({ attempt: 2, text: "fresh" });
    // A delta of a newer attempt may arrive before that attempt's RUNNING event.
    s = appendDelta(s, { nodeId: "a", attempt: 3, text: "third" });
    expect(startAttempt(s, "a", 3).a).toEqual({ attempt: 3, text: "third" });
  });

  it("takes a snapshot's text so far, unless a newer attempt already streams", () => {
    const s: NodeStreams = { a: { attempt: 2, text: "new" } };
    expect(replaceText(s, "a", 1, "old text")).toBe(s);
    expect(replaceText(s, "a", 2, "new and more").a.text).toBe("new and more");
    expect(replaceText({}, "b", 1, "so far")).toEqual({ b: { attempt: 1, text: "so far" } });
  });

  it("drops the streams of nodes a new run starts over", () => {
    const s: NodeStreams = { a: { attempt: 1, text: "x" }, b: { attempt: 1, text: "y" } };
    expect(dropStreams(s, ["a"])).toEqual({ b: { attempt: 1, text: "y" } });
    expect(dropStreams(s, ["c"])).toBe(s);
  });
});
