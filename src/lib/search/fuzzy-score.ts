/**
 * How well a typed query matches a title, for the command palette: the query's letters must
 * appear in order (a subsequence); letters that start a word, run on from the previous
 * match, or start the title score higher, so "llm" finds "Run Any LLM" before "Fill mask".
 */

const WORD_START = 8;
const RUN_ON = 5;
const TITLE_START = 4;
const LETTER = 1;

function startsWord(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1];
  const here = text[i];
  return /[^a-z0-9]/i.test(before) || (/[a-z]/.test(before) && /[A-Z]/.test(here));
}

/**
 * A score above 0 when every letter of `query` (spaces ignored, any case) appears in `text` in
 * order, higher for better matches; null when it does not match. An empty query matches all with 0.
 *
 * @example fuzzyScore("llm", "Run Any LLM") // > fuzzyScore("llm", "Fill mask")
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, "");
  if (q === "") return 0;
  const lower = text.toLowerCase();
  // Greedy from the left, but a letter that starts a word later on is worth the jump.
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const letter of q) {
    let at = lower.indexOf(letter, from);
    if (at < 0) return null;
    if (at !== previous + 1 && !startsWord(text, at)) {
      for (let j = lower.indexOf(letter, at + 1); j >= 0; j = lower.indexOf(letter, j + 1)) {
        if (startsWord(text, j)) {
          at = j;
          break;
        }
      }
    }
    score += LETTER;
    if (at === previous + 1) score += RUN_ON;
    if (startsWord(text, at)) score += WORD_START;
    if (at === 0) score += TITLE_START;
    previous = at;
    from = at + 1;
  }
  // Among equals, the shorter title is the closer match.
  return score - lower.length / 100;
}

/** `items` that match `query`, best first (ties keep their order); each scored on the best of its texts. */
export function fuzzyFilter<T>(items: readonly T[], query: string, texts: (item: T) => readonly string[]): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best: number | null = null;
    for (const text of texts(item)) {
      const s = fuzzyScore(query, text);
      if (s !== null && (best === null || s > best)) best = s;
    }
    if (best !== null) scored.push({ item, score: best, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}
