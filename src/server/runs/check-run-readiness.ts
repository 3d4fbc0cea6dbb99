/**
 * Readiness of a requested run: the engine's checks (every required input connected or
 * set, values in range) plus what only the server knows — the uploaded asset exists, is
 * the caller's and is of the right kind; a provider is configured for each model node.
 * Checked on the nodes that may execute: the targets and their ancestors.
 */
import "server-only";
import { checkReadiness, type ReadinessIssue, type TGraph } from "@/engine";
import { LLM_PROVIDERS, type LlmProvider } from "@/nodes/llm/definition";
import { findOwnedAsset } from "../assets/find-owned-asset";
import { configuredProviders } from "../llm/configured-providers";
import { providerNotConfiguredMessage } from "../llm/provider-names";

export async function checkRunReadiness(userId: string, graph: TGraph, nodeIds: string[]): Promise<ReadinessIssue[]> {
  const issues = checkReadiness(graph, nodeIds);
  const seen = new Set(issues.map((issue) => `${issue.nodeId}\u0000${issue.field}`));
  const wanted = new Set(nodeIds);
  const providers = configuredProviders();
  const add = (issue: ReadinessIssue) => {
    if (!seen.has(`${issue.nodeId}\u0000${issue.field}`)) issues.push(issue);
  };
  for (const node of graph.nodes) {
    if (!wanted.has(node.id)) continue;
    switch (node.type) {
      case "uploadImage":
      case "uploadVideo": {
        const assetId = node.data.assetId;
        if (typeof assetId !== "string" || assetId === "") break; // already reported by the engine
        const kind = node.type === "uploadImage" ? "image" : "video";
        const asset = await findOwnedAsset(userId, assetId);
        if (!asset) add({ nodeId: node.id, nodeType: node.type, field: "assetId", message: `the uploaded ${kind} no longer exists; upload it again` });
        else if (asset.kind !== kind) add({ nodeId: node.id, nodeType: node.type, field: "assetId", message: `the uploaded file is a ${asset.kind}, not a ${kind}` });
        break;
      }
      case "llm":
      case "vision": {
        const provider = node.data.provider;
        if (typeof provider === "string" && (LLM_PROVIDERS as readonly string[]).includes(provider) && !providers[provider as LlmProvider]) {
          add({ nodeId: node.id, nodeType: node.type, field: "provider", message: providerNotConfiguredMessage(provider as LlmProvider) });
        }
        break;
      }
      default:
        break;
    }
  }
  return issues;
}
