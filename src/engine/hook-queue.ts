/**
 * Calls hooks one at a time, in the order events happened, without making the scheduler
 * wait: a node's RUNNING write can never land after its SUCCESS write. The first failure
 * is remembered and surfaced when the run ends.
 */
import { errorMessage } from "./errors";
import type { EngineHooks } from "./run-types";

type HookName = keyof EngineHooks;
type HookEvent<K extends HookName> = Parameters<NonNullable<EngineHooks[K]>>[0];

export class HookQueue {
  private tail: Promise<void> = Promise.resolve();
  private firstFailure: string | undefined;

  constructor(private readonly hooks: EngineHooks | undefined) {}

  has(name: HookName): boolean {
    return this.hooks?.[name] !== undefined;
  }

  emit<K extends HookName>(name: K, event: HookEvent<K>): void {
    const hook = this.hooks?.[name] as ((event: HookEvent<K>) => void | Promise<void>) | undefined;
    if (!hook) return;
    const hooks = this.hooks;
    this.tail = this.tail
      .then(() => hook.call(hooks, event))
      .catch((error: unknown) => {
        this.firstFailure ??= `hook ${name} failed: ${errorMessage(error)}`;
      });
  }

  /** Resolves once every hook emitted so far has settled. */
  async drain(): Promise<void> {
    let tail;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  get failure(): string | undefined {
    return this.firstFailure;
  }
}
