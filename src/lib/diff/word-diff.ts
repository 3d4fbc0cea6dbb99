/**
 * A word diff of two texts for the run comparison: tokens are words and runs of whitespace,
 * compared with Myers' O(ND) algorithm after trimming the common prefix and suffix.
 *
 * Bounded, so a browser never hangs on two long, different answers: when the changed middle
 * has more than `maxTokens` tokens on a side, or needs more than `maxEdits` edits, the same
 * diff runs on lines instead; when lines are over the bounds too, the middle is shown as one
 * removed block and one added block. `unit` says which of the three the answer is.
 */

export type DiffKind = "same" | "added" | "removed";

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

export interface TextDiff {
  segments: DiffSegment[];
  unit: "word" | "line" | "block";
}

export interface DiffLimits {
  /** Tokens of the changed middle, per side, above which words give way to lines. */
  maxTokens: number;
  /** Edits (insertions + deletions) above which the diff gives up on the finer unit. */
  maxEdits: number;
}

/** Myers keeps a row per edit: 1,500 edits is ~2.3 M integers and a few ms. */
export const DEFAULT_DIFF_LIMITS: DiffLimits = { maxTokens: 4_000, maxEdits: 1_500 };

/** Words and the whitespace between them, in order: joining the tokens gives the text back. */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

/** Lines, each with its newline: joining the tokens gives the text back. */
export function lineTokens(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+/g) ?? [];
}

/**
 * @example
 * diffWords("the cat sat", "the dog sat")
 * // {unit: "word", segments: [{kind: "same", text: "the "}, {kind: "removed", text: "cat"},
 * //                           {kind: "added", text: "dog"}, {kind: "same", text: " sat"}]}
 */
export function diffWords(a: string, b: string, limits: DiffLimits = DEFAULT_DIFF_LIMITS): TextDiff {
  if (a === b) return { segments: a ? [{ kind: "same", text: a }] : [], unit: "word" };
  const words = diffTokens(wordTokens(a), wordTokens(b), limits);
  if (words) return { segments: absorbWhitespace(merge(words)), unit: "word" };
  const lines = diffTokens(lineTokens(a), lineTokens(b), limits);
  if (lines) return { segments: merge(lines), unit: "line" };
  return { segments: merge(blockDiff(a, b)), unit: "block" };
}

/** Common prefix and suffix kept, the middle diffed by Myers; null when over the limits. */
function diffTokens(a: readonly string[], b: readonly string[], limits: DiffLimits): DiffSegment[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length > limits.maxTokens || midB.length > limits.maxTokens) return null;
  const middle = myers(midA, midB, limits.maxEdits);
  if (!middle) return null;
  return [
    ...a.slice(0, start).map((text): DiffSegment => ({ kind: "same", text })),
    ...middle,
    ...a.slice(endA).map((text): DiffSegment => ({ kind: "same", text })),
  ];
}

/**
 * Myers' greedy shortest edit script. `trace[d]` keeps the furthest x reached on each diagonal
 * k ∈ [-d, d] after d edits, which is all the backtrack needs (Σ(2d+1) = D² integers).
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): DiffSegment[] | null {
  const n = a.length;
  const m = b.length;
  // At least |n - m| edits are needed: no use starting when that is already over.
  if (Math.abs(n - m) > maxEdits) return null;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(a, b, trace);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1];
    // `prev` holds diagonals -(d-1)..(d-1): diagonal k sits at index k + d - 1.
    const at = (k: number) => prev[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      out.push({ kind: "same", text: a[--x] });
    }
    if (down) out.push({ kind: "added", text: b[--y] });
    else out.push({ kind: "removed", text: a[--x] });
  }
  while (x > 0) out.push({ kind: "same", text: a[--x] });
  return out.reverse();
}

/** The last resort: common prefix and suffix by character, the rest one removed and one added block. */
function blockDiff(a: string, b: string): DiffSegment[] {
  let start = 0;
  const shorter = Math.min(a.length, b.length);
  while (start < shorter && a[start] === b[start]) start++;
  let end = 0;
  while (end < shorter - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [
    { kind: "same", text: a.slice(0, start) },
    { kind: "removed", text: a.slice(start, a.length - end) },
    { kind: "added", text: b.slice(start, b.length - end) },
    { kind: "same", text: a.slice(a.length - end) },
  ];
}

/** Adjacent segments of a kind joined, empty ones dropped; removals before additions in a change. */
function merge(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flushChange = () => {
    if (removed) out.push({ kind: "removed", text: removed });
    if (added) out.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  for (const segment of segments) {
    if (!segment.text) continue;
    if (segment.kind === "removed") removed += segment.text;
    else if (segment.kind === "added") added += segment.text;
    else {
      flushChange();
      const last = out.at(-1);
      if (last?.kind === "same") last.text += segment.text;
      else out.push({ ...segment });
    }
  }
  flushChange();
  return out;
}

/**
 * A lone space kept "same" between two changes reads as noise ("-The- +A+ -cat- +dog+"): it is
 * folded into both sides, so a replaced phrase shows as one removal and one addition.
 */
function absorbWhitespace(segments: DiffSegment[]): DiffSegment[] {
  const isChange = (s: DiffSegment | undefined) => s !== undefined && s.kind !== "same";
  const out: DiffSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.kind === "same" && /^\s+$/.test(s.text) && isChange(out.at(-1)) && isChange(segments[i + 1])) {
      out.push({ kind: "removed", text: s.text }, { kind: "added", text: s.text });
    } else out.push(s);
  }
  return merge(out);
}
