/**
 * Calls hooks one at a time, in the order events happened, without making the scheduler
 * wait: a node's RUNNING write can never land after its SUCCESS write. A hook is called
 * at once when nothing is pending (so synchronous hooks cost no promise) and is chained
 * behind the pending ones otherwise. The first failure is remembered for the run's end.
 */
import { errorMessage, errorStack } from "./errors";
import type { EngineHooks } from "./run-types";

type HookName = keyof EngineHooks;
type HookEvent<K extends HookName> = Parameters<NonNullable<EngineHooks[K]>>[0];

export class HookQueue {
  private tail: Promise<void> = Promise.resolve();
  /** Hook calls emitted whose promise has not settled yet. */
  private pending = 0;
  private firstFailure: string | undefined;
  private firstFailureStack: string | undefined;
  private readonly settled = () => {
    this.pending--;
  };

  constructor(private readonly hooks: EngineHooks | undefined) {}

  has(name: HookName): boolean {
    return this.hooks?.[name] !== undefined;
  }

  emit<K extends HookName>(name: K, event: HookEvent<K>): void {
    const hook = this.hooks?.[name] as ((event: HookEvent<K>) => void | Promise<void>) | undefined;
    if (!hook) return;
    const hooks = this.hooks;
    const failed = (error: unknown) => {
      if (this.firstFailure === undefined) {
        this.firstFailure = `hook ${name} failed: ${errorMessage(error)}`;
        // A hook is the server's own code: its failure is always unexpected.
        this.firstFailureStack = errorStack(error);
      }
      this.pending--;
    };
    if (this.pending === 0) {
      let result: void | Promise<void>;
      try {
        result = hook.call(hooks, event);
      } catch (error) {
        this.pending++;
        return failed(error);
      }
      if (result === undefined || typeof (result as Promise<void>).then !== "function") return;
      this.pending++;
      this.tail = Promise.resolve(result).then(this.settled, failed);
      return;
    }
    this.pending++;
    this.tail = this.tail.then(() => hook.call(hooks, event)).then(this.settled, failed);
  }

  /** Resolves once every hook emitted so far has settled. */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  get failure(): string | undefined {
    return this.firstFailure;
  }

  get failureStack(): string | undefined {
    return this.firstFailureStack;
  }
}
