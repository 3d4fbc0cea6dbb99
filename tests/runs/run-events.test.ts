import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as execute } from "@/app/api/execute/route";
import { GET as events } from "@/app/api/execute/[runId]/events/route";
import { callRoute } from "../helpers/call-route";
import { llmChain, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
});
afterAll(async () => {
  await h?.close();
});

function parseSse(text: string): { event: string; data: any }[] {
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event: "))
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: eventLine.slice("event: ".length), data: JSON.parse(dataLine.slice("data: ".length)) };
    });
}

describe(`run events on ${testEngine}`, () => {
  it("streams a snapshot, then every node transition in order, the run's end, and closes", async () => {
    h.stub.setBehavior(() => ({ delayMs: 150 }));
    try {
      const { nodes, edges } = llmChain(3);
      const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges } });
      const runId = res.json!.runId as string;
      const stream = await callRoute(events, `/api/execute/${runId}/events`, { headers: h.alice.headers, params: { runId } });
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const received = parseSse(stream.text);
      expect(received[0].event).toBe("snapshot");
      expect(received[0].data.run).toMatchObject({ id: runId });
      expect(received[0].data.run.input).toBeUndefined();
      expect(received.at(-1)).toEqual({ event: "end", data: { status: "COMPLETED" } });
      expect(received.at(-2)).toMatchObject({ event: "run", data: { id: runId, status: "COMPLETED" } });

      // The stream may connect after the first node started: its snapshot then holds that state.
      const snapshotStates = (received[0].data.nodeResults as { nodeId: string; status: string }[]).map((r) => `${r.nodeId}:${r.status}`);
      const transitions = [...snapshotStates, ...received.filter((e) => e.event === "node").map((e) => `${e.data.nodeId}:${e.data.status}`)];
      expect(transitions).toEqual(expect.arrayContaining(["llm-1:RUNNING", "llm-1:SUCCESS", "llm-2:RUNNING", "llm-2:SUCCESS", "llm-3:RUNNING", "llm-3:SUCCESS"]));
      const at = (t: string) => transitions.indexOf(t);
      expect(at("llm-1:RUNNING")).toBeLessThan(at("llm-1:SUCCESS"));
      expect(at("llm-1:SUCCESS")).toBeLessThan(at("llm-2:RUNNING"));
      expect(at("llm-2:SUCCESS")).toBeLessThan(at("llm-3:RUNNING"));
      expect(at("llm-3:RUNNING")).toBeLessThan(at("llm-3:SUCCESS"));
      const last = received.filter((e) => e.event === "node" && e.data.nodeId === "llm-3").at(-1);
      expect(last!.data.output).toEqual({ output: "stub: stub: stub: hello" });
      const logs = received.filter((e) => e.event === "log");
      expect(logs.length).toBeGreaterThan(0);
      expect(logs.map((l) => l.data.seq)).toEqual([...logs.map((l) => l.data.seq)].sort((a, b) => a - b));
    } finally {
      h.stub.setBehavior();
    }
  });

  it("a finished run streams its snapshot and ends at once; another user's run is 404", async () => {
    const { nodes, edges } = llmChain(1);
    const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges, wait: true } });
    const runId = res.json!.run.id as string;
    const stream = await callRoute(events, `/api/execute/${runId}/events`, { headers: h.alice.headers, params: { runId } });
    const received = parseSse(stream.text);
    expect(received.map((e) => e.event)).toEqual(["snapshot", "end"]);
    expect(received[0].data.nodeResults).toHaveLength(2);
    const other = await callRoute(events, `/api/execute/${runId}/events`, { headers: h.bob.headers, params: { runId } });
    expect(other.status).toBe(404);
  });
});
