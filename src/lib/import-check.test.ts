import { describe, expect, it } from "vitest";
import { checkImport } from "./import-check";

const message = (text: string) => {
  const checked = checkImport(text);
  if (checked.ok) throw new Error("expected a refusal");
  return checked;
};

describe("import check in plain words", () => {
  it("says a file without nodes is not a workflow, instead of a validator's path and message", () => {
    expect(message(JSON.stringify({ name: "Notes", items: [] }))).toEqual({
      ok: false,
      code: "VALIDATION_FAILED",
      message: "This file is not a Galaxy workflow: it has no list of nodes. Choose a file made with Export (a .galaxy.json file).",
    });
    expect(message("[1, 2]").message).toMatch(/^This file is not a Galaxy workflow: it has no list of nodes\./);
  });

  it("says a file that is not JSON is not JSON, keeping the INVALID_JSON code", () => {
    expect(message("name: not json")).toMatchObject({ code: "INVALID_JSON", message: expect.stringMatching(/^This file is not JSON, so it cannot be a Galaxy workflow\./) });
  });

  it("names the node by its place in the file, and counts the other problems", () => {
    const graph = {
      nodes: [
        { id: "a", type: "text", position: { x: 0, y: 0 }, data: { text: "hi" } },
        { id: "b", type: "teleporter", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [{ id: "e", source: "a", sourceHandle: "text", target: "ghost", targetHandle: "user_message" }],
    };
    expect(message(JSON.stringify({ workflow: graph })).message).toBe(
      'This workflow cannot be imported: node 2 is of a type Galaxy does not know ("teleporter") (and 1 more problem). Fix the file, or export the workflow again.',
    );
  });

  it("accepts an export, wrapped or bare", () => {
    const graph = { nodes: [{ id: "a", type: "text", position: { x: 0, y: 0 }, data: { text: "hi" } }], edges: [] };
    expect(checkImport(JSON.stringify({ format: "galaxy", workflow: graph })).ok).toBe(true);
    expect(checkImport(JSON.stringify(graph)).ok).toBe(true);
  });
});
