/** The `llm` node's server side (also its `vision` alias's): images come from the user's assets; the provider must be configured. */
import "server-only";
import { readAssetBytes } from "@/server/assets/read-asset-bytes";
import { configuredProviders } from "@/server/llm/configured-providers";
import { providerNotConfiguredMessage } from "@/server/llm/provider-names";
import type { NodeReadinessCheck } from "../types";
import { createLlmExecutor } from "./create-llm-executor";
import type { llmNode } from "./definition";

export const execute = createLlmExecutor({ loadImage: readAssetBytes });

export const checkReady: NodeReadinessCheck<typeof llmNode> = async ({ provider }) =>
  provider && !configuredProviders()[provider] ? [{ field: "provider", message: providerNotConfiguredMessage(provider) }] : [];
