/**
 * One run's meter: what its model calls use (per node, attempts summed, and in all) and its
 * budgets — the run's `maxTokens` / `maxCostUsd` and the user's daily budget — enforced around
 * every call (DESIGN §9):
 *
 * - before a call starts (`reserve`), it is counted at its estimate — the prompt's size plus
 *   its `maxTokens` (1,000 output tokens assumed without one) — on top of what settled calls
 *   used and what calls in flight hold. If that passes a cap the call is not started: the run
 *   is stopped (no further node starts; calls in flight finish and are recorded) and the node
 *   ends SKIPPED saying why. So concurrent branches can overshoot a cap only by what calls
 *   already in flight use beyond their estimate.
 * - when a call settles, its real usage replaces its estimate (a call that reported no token
 *   counts stays counted at its estimate; one that failed with nothing reported counts 0), and
 *   a cap reached stops the run too (a run whose last call passed a cap with nothing left to
 *   start still completes: the engine's stop changes nothing then).
 *
 * A cost cap with a model whose price is unknown cannot be enforced: that call fails, saying
 * how to fix it. The run's final message (`describeStop`) gives the amounts as they ended.
 */
import "server-only";
import { RunStopError } from "@/engine";
import { sumUsage, type TBudget, type TRunErrorCode, type TUsage } from "@/contracts/usage";
import type { CallMeter, ModelCallReservation, PlannedModelCall } from "@/nodes/types";
import { holdToday, heldToday, type DailyLedger } from "./budget-daily";
import { estimateCall, type Amounts } from "./budget-estimate";
import { formatTokens, formatUsd, runStopMessage, stopReason, unpricedMessage, type BudgetCap } from "./budget-messages";

export const BUDGET_EXCEEDED = "BUDGET_EXCEEDED" satisfies TRunErrorCode;

export interface RunMeterOptions {
  userId: string;
  budget: TBudget | null;
  /** `GALAXY_DAILY_BUDGET_USD`. */
  dailyCapUsd?: number;
  daily: DailyLedger;
  /** What this run's calls used before it was resumed on this worker. */
  alreadyUsed?: TUsage | null;
  /** Stops the run: nothing more starts. Called once, with the first cap reached. */
  onStop: (reason: RunStopError) => void;
  /** Recording a settled call in the daily ledger failed (the day's total misses it). */
  onLedgerError?: (error: unknown) => void;
  /** How messages name a node (its label with its id: `nodeLogName`); its quoted id by default. */
  nameOf?: (nodeId: string) => string;
}

interface Stop {
  cap: BudgetCap;
  /** Why the next call did not fit, when the cap was not yet reached. */
  note?: string;
  reason: RunStopError;
}

interface Refusal {
  cap: BudgetCap;
  note: string;
  nodeMessage: string;
}

export class RunMeter {
  private readonly used: Amounts;
  private readonly held: Amounts = { tokens: 0, costUsd: 0 };
  private readonly perNode = new Map<string, TUsage>();
  private dailySpent = 0;
  private stop: Stop | undefined;

  constructor(private readonly options: RunMeterOptions) {
    const before = options.alreadyUsed;
    this.used = { tokens: before?.totalTokens ?? 0, costUsd: before?.costUsd ?? 0 };
  }

  /** The meter a node's executor gets (`NodeRunContext.meter`). */
  forNode(nodeId: string): CallMeter {
    return { reserve: (call) => this.reserve(nodeId, call) };
  }

  /** What node `nodeId`'s calls used in this run so far; null when none reported usage. */
  nodeUsage(nodeId: string): TUsage | null {
    return this.perNode.get(nodeId) ?? null;
  }

  /**
   * The run's message once it ended stopped by a budget: the engine's (`<stop reason>[; node
   * failures]`) with the stop reason replaced by the amounts as they ended.
   */
  describeStop(engineError: string | undefined): string | undefined {
    const stop = this.stop;
    if (!stop) return engineError;
    const { budget, dailyCapUsd } = this.options;
    const [used, limit] =
      stop.cap === "tokens"
        ? [this.used.tokens, budget?.maxTokens ?? 0]
        : stop.cap === "cost"
          ? [this.used.costUsd, budget?.maxCostUsd ?? 0]
          : [this.dailySpent, dailyCapUsd ?? 0];
    const message = runStopMessage(stop.cap, used, limit, used < limit ? stop.note : undefined);
    const rest = engineError?.startsWith(stop.reason.message) ? engineError.slice(stop.reason.message.length) : "";
    return message + rest;
  }

  private async reserve(nodeId: string, call: PlannedModelCall): Promise<ModelCallReservation> {
    this.throwIfStopped();
    const { budget, dailyCapUsd, userId } = this.options;
    const key = { provider: call.provider, model: call.model };
    if (budget?.maxCostUsd !== undefined && !call.price) throw new Error(unpricedMessage("cost", key.provider, key.model));
    if (dailyCapUsd !== undefined && !call.price) throw new Error(unpricedMessage("daily", key.provider, key.model));
    const estimate = estimateCall(call);
    if (dailyCapUsd !== undefined) this.dailySpent = await this.options.daily.spentToday(userId);
    this.throwIfStopped(); // another call may have stopped the run while the ledger was read

    const refusal = this.refusal(nodeId, call, estimate);
    if (refusal) {
      this.stopRun(refusal.cap, refusal.note);
      throw new RunStopError(BUDGET_EXCEEDED, refusal.nodeMessage);
    }
    this.held.tokens += estimate.tokens;
    this.held.costUsd += estimate.costUsd;
    const letGoDaily = dailyCapUsd !== undefined ? holdToday(userId, estimate.costUsd) : undefined;
    let settled = false;
    return {
      settle: async (usage) => {
        if (settled) return;
        settled = true;
        this.held.tokens -= estimate.tokens;
        this.held.costUsd -= estimate.costUsd;
        if (usage) {
          this.perNode.set(nodeId, sumUsage([this.perNode.get(nodeId), usage])!);
          this.used.tokens += usage.totalTokens ?? estimate.tokens;
          this.used.costUsd += usage.costUsd ?? estimate.costUsd;
          // A write per call on the node's path: only when a daily budget needs the day's total.
          if (dailyCapUsd !== undefined) await this.recordDaily(usage);
        }
        letGoDaily?.();
        this.stopIfReached();
      },
    };
  }

  /** Why this call may not start, if it may not: the first cap it would pass. */
  private refusal(nodeId: string, call: PlannedModelCall, estimate: Amounts): Refusal | undefined {
    const { budget, dailyCapUsd, userId } = this.options;
    const node = `node ${this.options.nameOf?.(nodeId) ?? JSON.stringify(nodeId)}`;
    if (budget?.maxTokens !== undefined) {
      const cap = budget.maxTokens;
      const unused = Math.max(0, cap - this.used.tokens);
      const left = Math.max(0, unused - this.held.tokens);
      const { maxOutputTokens } = call;
      // Told apart from the general case: no wait for calls in flight would make it fit.
      if (maxOutputTokens !== undefined && maxOutputTokens > unused) {
        return {
          cap: "tokens",
          note: `${node} asks for up to ${formatTokens(maxOutputTokens)} output tokens (maxTokens), more than the ${formatTokens(unused)} left`,
          nodeMessage: `not started: its maxTokens (${formatTokens(maxOutputTokens)}) alone is more than the ${formatTokens(unused)} tokens left of the budget (${formatTokens(cap)})`,
        };
      }
      if (estimate.tokens > left) {
        return {
          cap: "tokens",
          note: `the next model call (${node}, up to ${formatTokens(estimate.tokens)} tokens) did not fit in what was left`,
          nodeMessage: `not started: budget reached: this call could use up to ${formatTokens(estimate.tokens)} tokens and ${formatTokens(left)} of the ${formatTokens(cap)} are left (${formatTokens(this.used.tokens)} used, ${formatTokens(this.held.tokens)} held by calls in flight)`,
        };
      }
    }
    if (budget?.maxCostUsd !== undefined) {
      const cap = budget.maxCostUsd;
      const left = Math.max(0, cap - this.used.costUsd - this.held.costUsd);
      if (estimate.costUsd > left) {
        return {
          cap: "cost",
          note: `the next model call (${node}, up to ${formatUsd(estimate.costUsd)}) did not fit in what was left`,
          nodeMessage: `not started: budget reached: this call could cost up to ${formatUsd(estimate.costUsd)} and ${formatUsd(left)} of the ${formatUsd(cap)} are left (${formatUsd(this.used.costUsd)} used, ${formatUsd(this.held.costUsd)} held by calls in flight)`,
        };
      }
    }
    if (dailyCapUsd !== undefined) {
      const committed = this.dailySpent + heldToday(userId);
      if (committed + estimate.costUsd > dailyCapUsd) {
        return {
          cap: "daily",
          note: `the next model call (${node}, up to ${formatUsd(estimate.costUsd)}) did not fit in what was left`,
          nodeMessage: `not started: daily budget reached: ${formatUsd(this.dailySpent)} of ${formatUsd(dailyCapUsd)} used today (UTC), and this call could cost up to ${formatUsd(estimate.costUsd)}`,
        };
      }
    }
    return undefined;
  }

  private async recordDaily(usage: TUsage): Promise<void> {
    try {
      this.dailySpent = await this.options.daily.add(this.options.userId, usage);
    } catch (error) {
      this.options.onLedgerError?.(error);
    }
  }

  private stopIfReached(): void {
    const { budget, dailyCapUsd } = this.options;
    if (budget?.maxTokens !== undefined && this.used.tokens >= budget.maxTokens) this.stopRun("tokens");
    else if (budget?.maxCostUsd !== undefined && this.used.costUsd >= budget.maxCostUsd) this.stopRun("cost");
    else if (dailyCapUsd !== undefined && this.dailySpent >= dailyCapUsd) this.stopRun("daily");
  }

  private stopRun(cap: BudgetCap, note?: string): void {
    if (this.stop) return;
    const { budget, dailyCapUsd } = this.options;
    const limit = cap === "tokens" ? budget!.maxTokens! : cap === "cost" ? budget!.maxCostUsd! : dailyCapUsd!;
    const reason = new RunStopError(BUDGET_EXCEEDED, stopReason(cap, limit));
    this.stop = { cap, note, reason };
    this.options.onStop(reason);
  }

  private throwIfStopped(): void {
    if (this.stop) throw new RunStopError(BUDGET_EXCEEDED, `not started: ${this.stop.reason.message}`);
  }
}
