/** Small wire-format graphs for the API tests. */
export const textNode = (id: string, text = "hello") => ({ id, type: "text", position: { x: 0, y: 0 }, data: { text } });
export const llmNode = (id: string) => ({
  id,
  type: "llm",
  position: { x: 300, y: 0 },
  data: { provider: "google", model: "gemini-2.5-flash" },
});
export const cropNode = (id: string) => ({ id, type: "cropImage", position: { x: 300, y: 200 }, data: { x_percent: 10 } });
export const edge = (id: string, source: string, sourceHandle: string, target: string, targetHandle: string) => ({
  id,
  source,
  sourceHandle,
  target,
  targetHandle,
});

/** text → llm.user_message: valid. */
export const validGraph = () => ({
  nodes: [textNode("t1"), llmNode("l1")],
  edges: [edge("e1", "t1", "text", "l1", "user_message")],
});
