/** Errors a person sees are plain words with a next step; a dragged wire shows where it can go. */
import { expect, test } from "@playwright/test";
import { createWorkflowByApi, ensureSignedIn, node, openEditor } from "./helpers";

test("importing a file that is not a workflow says so plainly, in the editor and on the dashboard", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Import target");
  await openEditor(page, id);
  const notAWorkflow = { name: "notes.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ title: "My notes", items: [] })) };
  const expected = "This file is not a Galaxy workflow: it has no list of nodes. Choose a file made with Export (a .galaxy.json file).";

  await page.getByTestId("import-file").setInputFiles(notAWorkflow);
  const toast = page.getByTestId("toast").filter({ hasText: "not a Galaxy workflow" });
  await expect(toast).toHaveText(expected);
  await expect(toast).not.toContainText("Invalid input");

  await page.goto("/workflows");
  await page.getByTestId("import-workflow-file").setInputFiles(notAWorkflow);
  await expect(page.getByRole("alert").filter({ hasText: "Import failed" })).toHaveText(`Import failed: ${expected}`);
});

test("while a wire is dragged, inputs of its type light up and the others dim", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Wiring", {
    nodes: [
      { id: "img", type: "uploadImage", position: { x: 0, y: 0 }, data: {} },
      { id: "model", type: "llm", position: { x: 420, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2" } },
    ],
    edges: [],
  });
  await openEditor(page, id);
  const handle = (nodeId: string, testId: string) => node(page, nodeId).getByTestId(testId).locator(".react-flow__handle");
  const images = handle("model", "port-images");
  const userMessage = handle("model", "port-user_message");
  await expect(userMessage).toHaveCSS("opacity", "1");

  const from = (await handle("img", "out-image").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 120, from.y + 60, { steps: 6 });
  await expect(page.getByTestId("canvas")).toHaveAttribute("data-wiring", "source:image");
  await expect(userMessage).toHaveCSS("opacity", "0.2"); // a text input cannot take an image
  await expect(images).toHaveCSS("opacity", "1");
  await expect(images).not.toHaveCSS("box-shadow", "none"); // lit up

  // Dropped on empty canvas: the marks go away.
  await page.mouse.up();
  await expect(page.getByTestId("canvas")).not.toHaveAttribute("data-wiring");
  await expect(userMessage).toHaveCSS("opacity", "1");
});

test("a node not ready to run names the field by its label and says how to fill it", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Not ready", {
    nodes: [{ id: "model", type: "llm", position: { x: 0, y: 0 }, data: { provider: "openai-compatible", model: "llama3.2" } }],
    edges: [],
  });
  await openEditor(page, id);
  await node(page, "model").getByTestId("run-node-model").click();
  const problems = page.getByTestId("problems-model");
  await expect(problems).toHaveText("Not ready: User message is empty: type it here or connect a Text node.");
  await expect(problems).not.toContainText("user_message");
});
