/**
 * "Product Marketing Kit Generator" (DESIGN §7): image → crop → LLM #1 (system prompt and
 * product details as two text nodes); video → frame at 50%; LLM #2 takes LLM #1's output
 * and both images and writes the launch post.
 */
import "server-only";
import type { Asset } from "../db/schema";
import { toPublicAsset } from "../assets/to-public-asset";
import { createWorkflow } from "../workflows/create-workflow";
import { configuredProviders } from "../llm/configured-providers";
import { ensureSampleAssets } from "./ensure-sample-assets";
import type { LlmProvider } from "@/nodes/llm/definition";
import { SUGGESTED_MODELS } from "@/nodes/llm/definition";

const edge = (source: string, sourceHandle: string, target: string, targetHandle: string) => ({
  id: `e-${source}-${sourceHandle}-${target}-${targetHandle}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});

const uploadData = (asset: Asset) => {
  const a = toPublicAsset(asset);
  return { assetId: a.id, asset: { url: a.url, mime: a.mime, size: a.size, width: a.width, height: a.height, originalName: a.originalName } };
};

export function buildProductMarketingKit(image: Asset, video: Asset, provider: LlmProvider, model: string) {
  const llm = { provider, model, temperature: 0.7 };
  const nodes = [
    { id: "product-image", type: "uploadImage", position: { x: 0, y: 0 }, data: uploadData(image) },
    { id: "crop", type: "cropImage", position: { x: 380, y: 0 }, data: { x_percent: 20, y_percent: 10, width_percent: 60, height_percent: 80 } },
    {
      id: "system-prompt",
      type: "text",
      position: { x: 380, y: 600 },
      data: { text: "You are a senior product marketer. Write crisp, benefit-led copy. No hashtags." },
    },
    {
      id: "product-details",
      type: "text",
      position: { x: 380, y: 820 },
      data: { text: "Product: Aurora Cold Brew — a sparkling cold-brew coffee in a recyclable can, 80 mg caffeine, zero sugar." },
    },
    { id: "describe-product", type: "llm", position: { x: 780, y: 120 }, data: { ...llm, user_message: "" } },
    { id: "product-video", type: "uploadVideo", position: { x: 0, y: 1080 }, data: uploadData(video) },
    { id: "frame", type: "extractFrame", position: { x: 380, y: 1080 }, data: { timestamp: "50%" } },
    {
      id: "launch-post",
      type: "llm",
      position: { x: 1200, y: 560 },
      data: { ...llm, system_prompt: "You write social media launch posts.", user_message: "" },
    },
  ];
  const edges = [
    edge("product-image", "image", "crop", "image_url"),
    edge("crop", "image", "describe-product", "images"),
    edge("system-prompt", "text", "describe-product", "system_prompt"),
    edge("product-details", "text", "describe-product", "user_message"),
    edge("product-video", "video", "frame", "video_url"),
    edge("describe-product", "output", "launch-post", "user_message"),
    edge("crop", "image", "launch-post", "images"),
    edge("frame", "image", "launch-post", "images"),
  ];
  return { nodes, edges };
}

export async function createProductMarketingKit(userId: string) {
  const { image, video } = await ensureSampleAssets(userId);
  const providers = configuredProviders();
  const provider = (["google", "groq", "openai-compatible"] as const).find((p) => providers[p]) ?? "google";
  const graph = buildProductMarketingKit(image, video, provider, SUGGESTED_MODELS[provider][0]);
  return createWorkflow(userId, {
    name: "Product Marketing Kit Generator",
    description: "Crop a product photo, describe it with an LLM, pull a frame from a clip, and write a launch post from both.",
    tags: ["template", "marketing"],
    ...graph,
  });
}
