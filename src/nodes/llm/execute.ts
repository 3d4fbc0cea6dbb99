/** The `llm` node's executor (also the `vision` alias's), reading images from the user's assets. */
import "server-only";
import { readAssetBytes } from "@/server/assets/read-asset-bytes";
import { createLlmExecutor } from "@/server/llm/create-llm-executor";

export const execute = createLlmExecutor({ loadImage: readAssetBytes });
