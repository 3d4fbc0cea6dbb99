import type { Node, NodeChange } from "@xyflow/react";
import { beforeEach, describe, expect, it } from "vitest";
import { addFrame, addNote, FRAME_PADDING, FRAME_TITLE_ROOM } from "./actions/add-annotation";
import { nodesInside } from "./frame-drag";
import { useGraphStore } from "./graph-store";

const measured = (id: string, x: number, y: number, type = "text"): Node => ({
  id,
  type,
  position: { x, y },
  measured: { width: 100, height: 50 },
  data: {},
});
const frame: Node = { id: "f", type: "frame", position: { x: 0, y: 0 }, width: 400, height: 300, data: { title: "Group" } };
const drag = (id: string, x: number, y: number, dragging: boolean): NodeChange => ({ id, type: "position", position: { x, y }, dragging });
const at = (id: string) => useGraphStore.getState().nodes.find((n) => n.id === id)!.position;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  // a and b inside the frame, c half out, d far away.
  useGraphStore.getState().load([frame, measured("a", 20, 60), measured("b", 200, 200), measured("c", 350, 100), measured("d", 900, 0)], []);
});

describe("a frame", () => {
  it("holds the nodes whose boxes lie wholly inside it", () => {
    expect(nodesInside(frame, useGraphStore.getState().nodes)).toEqual(["a", "b"]);
  });

  it("carries them when dragged, positions staying absolute, and the drag undoes in one step", async () => {
    const { onNodesChange } = useGraphStore.getState();
    onNodesChange([drag("f", 10, 5, true)]);
    await tick();
    onNodesChange([drag("f", 50, 30, true)]);
    await tick();
    onNodesChange([drag("f", 50, 30, false)]);
    expect(at("f")).toEqual({ x: 50, y: 30 });
    expect(at("a")).toEqual({ x: 70, y: 90 });
    expect(at("b")).toEqual({ x: 250, y: 230 });
    expect(at("c")).toEqual({ x: 350, y: 100 });
    expect(useGraphStore.getState().nodes.every((n) => n.parentId === undefined)).toBe(true);
    useGraphStore.getState().undo();
    expect([at("f"), at("a"), at("b")]).toEqual([{ x: 0, y: 0 }, { x: 20, y: 60 }, { x: 200, y: 200 }]);
  });

  it("does not move twice a node dragged with it (both selected)", () => {
    const { onNodesChange } = useGraphStore.getState();
    onNodesChange([drag("f", 10, 0, true), drag("a", 30, 60, true)]);
    onNodesChange([drag("f", 10, 0, false), drag("a", 30, 60, false)]);
    expect(at("a")).toEqual({ x: 30, y: 60 });
    expect(at("b")).toEqual({ x: 210, y: 200 });
  });
});

describe("resizing a note or frame", () => {
  it("stores its width and height, one undo step for the whole resize", async () => {
    const before = useGraphStore.getState().past.length;
    const { onNodesChange } = useGraphStore.getState();
    for (const width of [420, 440, 460]) {
      onNodesChange([{ id: "f", type: "dimensions", resizing: true, setAttributes: true, dimensions: { width, height: 320 } }]);
      await tick();
    }
    onNodesChange([{ id: "f", type: "dimensions", resizing: false, dimensions: { width: 460, height: 320 } }]);
    const resized = useGraphStore.getState().nodes.find((n) => n.id === "f")!;
    expect([resized.width, resized.height]).toEqual([460, 320]);
    expect(useGraphStore.getState().past.length).toBe(before + 1);
    useGraphStore.getState().undo();
    expect(useGraphStore.getState().nodes.find((n) => n.id === "f")!.width).toBe(400);
  });
});

describe("adding notes and frames", () => {
  it("adds a note at its type's size, and a frame sized around the chosen nodes", () => {
    const noteId = addNote({ x: 5, y: 6 });
    const note = useGraphStore.getState().nodes.find((n) => n.id === noteId)!;
    expect(note).toMatchObject({ type: "note", position: { x: 5, y: 6 }, width: 260, height: 180, data: { text: "" } });
    const id = addFrame(undefined, ["a", "d"]);
    const added = useGraphStore.getState().nodes.find((n) => n.id === id)!;
    // a spans x 20..120, y 60..110; d spans x 900..1000, y 0..50.
    expect(added).toMatchObject({
      type: "frame",
      position: { x: 20 - FRAME_PADDING, y: 0 - FRAME_PADDING - FRAME_TITLE_ROOM },
      width: 980 + 2 * FRAME_PADDING,
      height: 110 + 2 * FRAME_PADDING + FRAME_TITLE_ROOM,
      data: { title: "Frame" },
    });
    // c (x 350..450, y 100..150) lies between them; b (y 200..250) lies below.
    expect(nodesInside(added, useGraphStore.getState().nodes).sort()).toEqual(["a", "c", "d"]);
  });
});
