/** How budget amounts and stops read: "1,204 tokens", "$0.0012", "budget reached: 1,204 of 1,000 tokens used". */

export type BudgetCap = "tokens" | "cost" | "daily";

export function formatTokens(tokens: number): string {
  return Math.round(tokens).toLocaleString("en-US");
}

/** Dollars, cents at least, and two significant digits of a small amount: "$2.50", "$0.025", "$0.00000044". */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const text = usd.toFixed(Math.min(12, Math.max(2, Math.floor(-Math.log10(usd)) + 2)));
  return `$${text.replace(/(\.\d\d\d*?)0+$/, "$1")}`;
}

/** `used` and `cap` in the cap's unit: "21 of 50 tokens", "$0.0012 of $0.0010". */
export function formatAmounts(cap: BudgetCap, used: number, limit: number): string {
  return cap === "tokens" ? `${formatTokens(used)} of ${formatTokens(limit)} tokens` : `${formatUsd(used)} of ${formatUsd(limit)}`;
}

/** What nodes skipped by the stop say: "skipped: token budget of 50 reached". */
export function stopReason(cap: BudgetCap, limit: number): string {
  switch (cap) {
    case "tokens":
      return `token budget of ${formatTokens(limit)} reached`;
    case "cost":
      return `cost budget of ${formatUsd(limit)} reached`;
    case "daily":
      return `daily budget of ${formatUsd(limit)} reached (GALAXY_DAILY_BUDGET_USD)`;
  }
}

/** The run's message: "budget reached: 21 of 50 tokens used", then why the next call was refused when it was. */
export function runStopMessage(cap: BudgetCap, used: number, limit: number, note?: string): string {
  const head = cap === "daily" ? `daily budget reached: ${formatAmounts(cap, used, limit)} used today (UTC)` : `budget reached: ${formatAmounts(cap, used, limit)} used`;
  return note ? `${head}; ${note}` : head;
}

/** A cost cap needs the model's price: say so, and how to fix it. */
export function unpricedMessage(cap: "cost" | "daily", provider: string, model: string): string {
  const key = `${provider}/${model}`;
  return cap === "cost"
    ? `cannot enforce the cost budget: no price is known for ${key}. Add its price to the file named by GALAXY_PRICES_FILE, or use a token budget (maxTokens) instead`
    : `cannot enforce the daily budget (GALAXY_DAILY_BUDGET_USD): no price is known for ${key}. Add its price (0 for a free local model) to the file named by GALAXY_PRICES_FILE`;
}
