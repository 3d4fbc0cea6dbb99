/**
 * Markdown inside a block: code spans, **strong**, *em*, ~~del~~, [links](…), <autolinks>,
 * bare http(s) URLs, images (kept as links: an answer never makes the browser fetch a
 * picture), backslash escapes and line breaks. No HTML: `<b>` stays the text "<b>".
 *
 * Linear in practice: a delimiter without a closer is remembered, so a thousand unmatched
 * `**` cost one scan, not a thousand; nesting stops at MAX_DEPTH.
 */
import { safeHref } from "./safe-href";

export type Inline =
  | string
  | { t: "code"; text: string }
  | { t: "strong" | "em" | "del"; children: Inline[] }
  | { t: "link"; href: string | null; image?: true; children: Inline[] }
  | { t: "br" };

const MAX_DEPTH = 6;
const MAX_LABEL = 1_000;
const ESCAPABLE = new Set("\\`*_~[]()<>#+-.!|{}");
const SPECIAL = /[\\`*_~[!<\nh]/g;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/y;
const BARE_URL = /https?:\/\/[^\s<>]+/y;
const WORD = /[\p{L}\p{N}]/u;
const TRAILING = new Set(".,;:!?'\"*_~");

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Finds closers for one left-to-right scan. Whether a position closes depends on the position
 * only, so a search from anywhere up to the last answer gives that answer again, and a marker
 * with none left has none for any later opener either.
 */
class Closers {
  private last = new Map<string, { from: number; at: number }>();
  find(s: string, marker: string, from: number, ok: (at: number) => boolean): number {
    const known = this.last.get(marker);
    if (known && from >= known.from && (known.at === -1 || from <= known.at)) return known.at;
    let at = s.indexOf(marker, from);
    while (at !== -1 && !ok(at)) at = s.indexOf(marker, at + 1);
    this.last.set(marker, { from, at });
    return at;
  }
}

export function parseInline(s: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const push = (node: Inline) => {
    if (text) out.push(text);
    text = "";
    out.push(node);
  };
  const closers = new Closers();
  let i = 0;
  while (i < s.length) {
    SPECIAL.lastIndex = i;
    const hit = SPECIAL.exec(s);
    if (!hit) break;
    text += s.slice(i, hit.index);
    i = hit.index;
    const taken = depth < MAX_DEPTH ? tryToken(s, i, depth, closers) : null;
    if (taken) {
      push(taken.node);
      i = taken.end;
    } else {
      // Not a token here: the character is plain text (an escape keeps only the escaped one).
      const escaped = s[i] === "\\" && ESCAPABLE.has(s[i + 1] ?? "");
      text += escaped ? s[i + 1] : s[i];
      i += escaped ? 2 : 1;
    }
  }
  text += s.slice(i);
  if (text) out.push(text);
  return out;
}

function tryToken(s: string, i: number, depth: number, closers: Closers): { node: Inline; end: number } | null {
  const c = s[i];
  if (c === "\n") return { node: { t: "br" }, end: i + 1 };
  if (c === "`") return codeSpan(s, i, closers);
  if (c === "*" || c === "_" || c === "~") return emphasis(s, i, depth, closers);
  if (c === "[" || (c === "!" && s[i + 1] === "[")) return link(s, i, depth, closers);
  if (c === "<") {
    AUTOLINK.lastIndex = i;
    const m = AUTOLINK.exec(s);
    return m ? { node: { t: "link", href: safeHref(m[1]), children: [m[1]] }, end: i + m[0].length } : null;
  }
  if (c === "h" && !WORD.test(s[i - 1] ?? "")) return bareUrl(s, i);
  return null;
}

function codeSpan(s: string, i: number, closers: Closers) {
  let n = 1;
  while (s[i + n] === "`") n++;
  const fence = "`".repeat(n);
  const close = closers.find(s, fence, i + n, (at) => s[at + n] !== "`" && s[at - 1] !== "`");
  if (close === -1) return null;
  let code = s.slice(i + n, close).replace(/\n/g, " ");
  if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ")) code = code.slice(1, -1);
  return { node: { t: "code", text: code } as Inline, end: close + n };
}

function emphasis(s: string, i: number, depth: number, closers: Closers) {
  const c = s[i];
  const double = s[i + 1] === c;
  if (c === "~" && !double) return null;
  const marker = double ? c + c : c;
  const after = s[i + marker.length];
  if (isSpace(after)) return null;
  // snake_case and 2*3*4 are not emphasis: `_` needs a non-word character outside it.
  if (c === "_" && WORD.test(s[i - 1] ?? "")) return null;
  const close = closers.find(s, marker, i + marker.length + 1, (at) => {
    if (isSpace(s[at - 1])) return false;
    if (!double && s[at + 1] === c) return false; // `*a**` closes a strong, not this em
    return c !== "_" || !WORD.test(s[at + marker.length] ?? "");
  });
  if (close === -1) return null;
  // In `**a *b***` the strong closes at the run's end, after the em inside it.
  let at = close;
  if (double) while (s[at + 2] === c) at++;
  const t = c === "~" ? "del" : double ? "strong" : "em";
  return { node: { t, children: parseInline(s.slice(i + marker.length, at), depth + 1) } as Inline, end: at + marker.length };
}

function link(s: string, i: number, depth: number, closers: Closers) {
  const image = s[i] === "!";
  const open = image ? i + 1 : i;
  const close = closers.find(s, "](", open + 1, () => true);
  if (close === -1 || close - open > MAX_LABEL) return null;
  const label = s.slice(open + 1, close);
  if (label.includes("\n\n") || label.includes("[")) return null;
  // The destination: no spaces, balanced "(…)" inside, up to ")" (an optional "title" is dropped).
  const rest = /^<?((?:[^\s<>()]|\([^\s<>()]*\))*)>?(?:\s+"[^"\n]*")?\)/.exec(s.slice(close + 2, close + 2 + 2048));
  if (!rest) return null;
  const children = image ? [label ? `🖼 ${label}` : "🖼 image"] : parseInline(label, depth + 1);
  const node: Inline = { t: "link", href: safeHref(rest[1]), children, ...(image ? { image: true as const } : {}) };
  return { node, end: close + 2 + rest[0].length };
}

function bareUrl(s: string, i: number) {
  BARE_URL.lastIndex = i;
  const m = BARE_URL.exec(s);
  if (!m) return null;
  // Sentence punctuation after a URL is not part of it; nor is a ")" that opened before it.
  const opened = m[0].includes("(");
  let end = m[0].length;
  while (end > 0 && (TRAILING.has(m[0][end - 1]) || (m[0][end - 1] === ")" && !opened))) end--;
  const url = m[0].slice(0, end);
  return { node: { t: "link", href: safeHref(url), children: [url] } as Inline, end: i + url.length };
}
