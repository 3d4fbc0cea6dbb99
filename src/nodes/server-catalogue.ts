/**
 * The node catalogue as the server runs it. A type's server side (executor, readiness check)
 * is `src/nodes/<folder>/server.ts`, found by this convention rather than named in the
 * definition: definitions reach client bundles, and any import they named would be compiled
 * for the browser and server-rendering layers too (where `server-only`, sharp and pg cannot go).
 * Only server code imports this module, and each server.ts becomes its own lazily loaded
 * chunk, so a text-and-LLM run never loads sharp or ffmpeg.
 */
import "server-only";
import { nodeCatalogue } from "./registry";
import type { NodeDefinition, NodeServer, ServerNodeCatalogue } from "./types";

const loaded = new Map<string, Promise<NodeServer>>();

/** Loads (once) the server side of a definition: `./<folder ?? type>/server.ts`. A canvas-only type (a note) has none. */
export function loadNodeServer(definition: NodeDefinition): Promise<NodeServer> {
  if (definition.canvasOnly) return Promise.reject(new Error(`a ${definition.type} is drawn on the canvas only: it is never run`));
  const folder = definition.folder ?? definition.type;
  let pending = loaded.get(folder);
  if (!pending) {
    pending = (import(`./${folder}/server.ts`) as Promise<Partial<NodeServer>>).then((module) => {
      if (typeof module.execute !== "function") throw new Error(`src/nodes/${folder}/server.ts exports no execute`);
      return module as NodeServer;
    });
    pending.catch(() => loaded.delete(folder));
    loaded.set(folder, pending);
  }
  return pending;
}

export const serverNodeCatalogue: ServerNodeCatalogue = { ...nodeCatalogue, loadServer: loadNodeServer };
