/** Refused connections say why; the keyboard alone can add, connect and run. */
import { expect, test } from "@playwright/test";
import { createWorkflowByApi, dragConnect, node, openEditor, ensureSignedIn, waitSaved } from "./helpers";

test("an image cannot feed a text input, and a cycle is refused, each with a visible reason", async ({ page }) => {
  await ensureSignedIn(page);
  const llm = { provider: "openai-compatible", model: "llama3.2" };
  const id = await createWorkflowByApi(page.request, "Refusals", {
    nodes: [
      { id: "img", type: "uploadImage", position: { x: 0, y: 0 }, data: {} },
      { id: "first", type: "llm", position: { x: 420, y: 0 }, data: llm },
      { id: "second", type: "llm", position: { x: 840, y: 0 }, data: llm },
    ],
    edges: [{ id: "e1", source: "first", sourceHandle: "output", target: "second", targetHandle: "user_message" }],
  });
  await openEditor(page, id);

  await dragConnect(page, ["img", "image"], ["first", "user_message"]);
  await expect(page.getByTestId("toast").filter({ hasText: "User message takes text, and this output gives an image. Drop it on an input that takes an image." })).toBeVisible();
  await expect(node(page, "first").getByTestId("port-user_message")).toHaveAttribute("data-connected", "false");

  await dragConnect(page, ["second", "output"], ["first", "system_prompt"]);
  await expect(page.getByTestId("toast").filter({ hasText: "cycle" })).toBeVisible();
  await expect(node(page, "first").getByTestId("port-system_prompt")).toHaveAttribute("data-connected", "false");

  // The same image connects fine to the input that takes images.
  await dragConnect(page, ["img", "image"], ["first", "images"]);
  await expect(node(page, "first").getByTestId("port-images")).toHaveAttribute("data-connected", "true");
});

test("keyboard only: add from the sidebar, connect through the node menu, run with Ctrl+Enter", async ({ page }) => {
  await ensureSignedIn(page);
  const id = await createWorkflowByApi(page.request, "Keyboard");
  await openEditor(page, id);

  await page.getByTestId("add-text").focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("add-llm").focus();
  await page.keyboard.press("Enter");
  const textId = (await page.locator('[data-node-type="text"]').getAttribute("data-testid"))!.replace("node-", "");
  const llmId = (await page.locator('[data-node-type="llm"]').getAttribute("data-testid"))!.replace("node-", "");

  await page.getByTestId(`text-input-${textId}`).focus();
  await page.keyboard.type("Say hello by keyboard");
  await page.getByTestId(`node-menu-${textId}`).focus();
  await page.keyboard.press("Enter");
  await page.getByTestId("cmd-node.connect").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("connect-dialog")).toBeVisible();
  await page.getByTestId(`connect-to-${llmId}-user_message`).focus();
  await page.keyboard.press("Enter");
  await expect(node(page, llmId).getByTestId("port-user_message")).toHaveAttribute("data-connected", "true");
  await waitSaved(page);

  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId(`result-text-${llmId}`)).toContainText("stub: Say hello by keyboard", { timeout: 30_000 });
});
