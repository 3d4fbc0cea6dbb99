/**
 * Server-side executors by node type, imported lazily so a run only loads what it uses
 * (sharp and ffmpeg stay unloaded for a text-and-LLM workflow). Each module exports `execute`.
 */
import "server-only";
import type { NodeType } from "./registry";
import type { NodeExecutor } from "./types";

type ExecutorModule = { execute: NodeExecutor<never> };

const LOADERS: Record<NodeType, () => Promise<ExecutorModule>> = {
  text: () => import("./text/execute"),
  uploadImage: () => import("./uploadImage/execute"),
  uploadVideo: () => import("./uploadVideo/execute"),
  llm: () => import("./llm/execute"),
  vision: () => import("./llm/execute"),
  cropImage: () => import("./cropImage/execute"),
  extractFrame: () => import("./extractFrame/execute"),
};

const loaded = new Map<string, Promise<NodeExecutor>>();

/** The executor of a node type; throws for an unknown type. */
export function loadExecutor(type: string): Promise<NodeExecutor> {
  let pending = loaded.get(type);
  if (!pending) {
    if (!Object.hasOwn(LOADERS, type)) return Promise.reject(new Error(`no executor for node type "${type}"`));
    pending = LOADERS[type as NodeType]().then((module) => module.execute as unknown as NodeExecutor);
    pending.catch(() => loaded.delete(type));
    loaded.set(type, pending);
  }
  return pending;
}
