/**
 * Node components, loaded lazily: a definition names its view with `import()`, so server code
 * reading definitions never loads React. The editor loads them all as it opens and draws the
 * canvas once they are in; a type without a component (or whose chunk failed) gets the generic view.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { NodeCatalogue } from "@/engine/node-catalogue";
import type { NodeDefinition, NodeView } from "@/nodes/types";

/** Settled loads: the component, or null when the generic view stands in. */
const views = new Map<NodeDefinition, NodeView | null>();
const started = new Map<NodeDefinition, Promise<void>>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(definition: NodeDefinition): Promise<void> {
  let pending = started.get(definition);
  if (!pending) {
    const settle = (view: NodeView | null) => {
      views.set(definition, view);
      for (const listener of listeners) listener();
    };
    pending = definition.component
      ? definition.component().then(
          (module) => settle(module.default),
          (error: unknown) => {
            console.error(`the ${definition.type} node's view did not load; showing the generic view`, error);
            settle(null);
          },
        )
      : Promise.resolve(settle(null));
    started.set(definition, pending);
  }
  return pending;
}

/** Starts loading every type's view (once); resolves when all have settled. */
export function loadNodeViews(catalogue: NodeCatalogue<NodeDefinition>): Promise<void> {
  return Promise.all(catalogue.list().map(load)).then(() => undefined);
}

/** The type's component; null for the generic view; undefined while it loads. */
export function useNodeView(definition: NodeDefinition): NodeView | null | undefined {
  const snapshot = () => (definition.component ? views.get(definition) : null);
  const view = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => void load(definition), [definition]);
  return view;
}

/** True once every type's view has settled. */
export function useNodeViewsLoaded(catalogue: NodeCatalogue<NodeDefinition>): boolean {
  const snapshot = () => catalogue.list().every((definition) => !definition.component || views.has(definition));
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
