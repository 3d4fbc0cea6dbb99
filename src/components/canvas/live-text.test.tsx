import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import type { NodeResult } from "@/lib/client/types";
import { useRunStore } from "@/stores/run-store";
import { LiveTextView } from "./live-text";

const result = (patch: Partial<NodeResult>): NodeResult => ({
  runId: "r1",
  nodeId: "a",
  nodeType: "llm",
  status: "RUNNING",
  input: null,
  output: null,
  error: null,
  meta: null,
  usage: null,
  cacheKey: null,
  cached: false,
  startedAt: null,
  completedAt: null,
  durationMs: null,
  ...patch,
});

/** What the node shows for the run store's current state. */
function view(nodeId = "a"): string {
  const { results, streams } = useRunStore.getState();
  return renderToStaticMarkup(<LiveTextView nodeId={nodeId} result={results[nodeId]} stream={streams[nodeId]} />);
}

afterEach(() => useRunStore.getState().reset());

describe("LiveText", () => {
  it("shows the streamed text as Markdown with a caret while the node runs", () => {
    useRunStore.getState().applyNode(result({}));
    useRunStore.getState().applyDelta({ nodeId: "a", attempt: 1, text: "## Plan\n\nA **bold**" });
    useRunStore.getState().applyDelta({ nodeId: "a", attempt: 1, text: " start" });
    const html = view();
    expect(html).toMatch(/<h2[^>]*>Plan<\/h2>/);
    expect(html).toMatch(/<strong[^>]*>bold<\/strong> start<span[^>]*data-testid="stream-caret"/);
    expect(html).not.toContain("Retrying");
  });

  it("shows a delta that overtook the node's RUNNING event", () => {
    useRunStore.getState().begin("r1", "FULL", ["a"]);
    useRunStore.getState().applyDelta({ nodeId: "a", attempt: 1, text: "early" });
    expect(view()).toContain("early");
  });

  it("takes the snapshot's text so far, and says when a retry started the answer over", () => {
    useRunStore.getState().applyNode(result({ output: { output: "first try so far" } }));
    expect(view()).toContain("first try so far");
    useRunStore.getState().applyNode(result({ meta: { attempt: 2 } }));
    const html = view();
    expect(html).toContain("Retrying (attempt 2)");
    expect(html).not.toContain("first try");
  });

  it("marks the text a failed or canceled node kept as partial, and shows nothing once it succeeded", () => {
    useRunStore.getState().applyNode(result({ status: "FAILED", error: "canceled", output: { output: "half an answer" }, meta: { partial: true } }));
    expect(view()).toMatch(/Partial answer.*half an answer/);
    useRunStore.getState().applyNode(result({ status: "SUCCESS", output: { output: "whole" } }));
    expect(view()).toBe("");
  });
});
