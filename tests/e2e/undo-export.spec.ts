/** Undo/redo restore the graph exactly; an export imported again gives the same graph. */
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { addNode, createWorkflowByApi, getWorkflowByApi, moveNode, normalize, openEditor, ensureSignedIn, waitSaved, type WireGraph } from "./helpers";

const START: WireGraph = {
  nodes: [
    { id: "prompt", type: "text", position: { x: 0, y: 0 }, data: { text: "first words" } },
    { id: "model", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2", temperature: 0.7 } },
  ],
  edges: [{ id: "e1", source: "prompt", sourceHandle: "text", target: "model", targetHandle: "user_message" }],
};

test("undo and redo restore every change exactly", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Undo", START);
  await openEditor(page, id);
  const original = normalize(await getWorkflowByApi(page.request, id));

  await page.getByTestId("text-input-prompt").fill("changed words");
  await moveNode(page, "model", 120, 80);
  await addNode(page, "cropImage");
  await page.getByTestId("node-menu-prompt").click();
  await page.getByTestId("cmd-selection.delete").click();
  await expect(page.locator('[data-node-type="text"]')).toHaveCount(0);
  await waitSaved(page);
  const edited = normalize(await getWorkflowByApi(page.request, id));
  expect(edited.nodes.map((n) => n.id)).not.toContain("prompt");

  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press("Control+z");
  await expect(page.getByTestId("undo")).toBeDisabled();
  await waitSaved(page);
  expect(normalize(await getWorkflowByApi(page.request, id))).toEqual(original);

  for (let i = 0; i < 4; i++) await page.keyboard.press("Control+Shift+z");
  await expect(page.getByTestId("redo")).toBeDisabled();
  await waitSaved(page);
  expect(normalize(await getWorkflowByApi(page.request, id))).toEqual(edited);
});

test("export then import gives the same graph", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Round trip", START);
  await openEditor(page, id);
  const download = page.waitForEvent("download");
  await page.getByTestId("export").click();
  const file = await (await download).path();
  const json = JSON.parse(await readFile(file, "utf8")) as unknown;

  await page.goto("/workflows");
  await page.getByTestId("import-workflow-file").setInputFiles({ name: "round-trip.galaxy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
  await expect(page).toHaveURL(/\/workflows\/(?!.*\/)/);
  await expect(page.getByTestId("editor")).toBeVisible();
  const importedId = page.url().split("/").pop()!;
  expect(importedId).not.toBe(id);
  expect(normalize(await getWorkflowByApi(page.request, importedId))).toEqual(normalize(await getWorkflowByApi(page.request, id)));
});
