/**
 * Turns what a user typed into a safe prefix tsquery for the `simple` configuration:
 * `"prod mark"` → `prod:* & mark:*`. Only letters and digits survive, so no tsquery
 * syntax (`& | ! ( ) : * '`) can reach `to_tsquery`; null when nothing usable is left.
 */
const MAX_WORDS = 8;

export function toPrefixTsquery(input: string): string | null {
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(" & ") : null;
}
