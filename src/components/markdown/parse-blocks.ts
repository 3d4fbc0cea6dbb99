/**
 * The block structure of a Markdown text, line by line: headings (ATX and setext), fenced
 * code, block quotes, bullet and ordered lists (nested by indentation), tables, rules and
 * paragraphs. Text inside blocks stays raw (`parse-inline.ts` reads it when drawn), and each
 * top-level block keeps its source so a growing answer redraws only the blocks that changed.
 * A half-written answer parses too: an unclosed fence is code up to the end.
 */
export type Align = "left" | "center" | "right" | null;

export type Block =
  | { t: "p"; text: string }
  | { t: "h"; level: number; text: string }
  | { t: "code"; lang: string; text: string }
  | { t: "quote"; children: Block[] }
  | { t: "list"; ordered: boolean; start: number; items: Block[][] }
  | { t: "table"; align: Align[]; header: string[]; rows: string[][] }
  | { t: "hr" };

export type SourcedBlock = Block & { src: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
// One "-" under a line is still being typed (a list item), not an underline.
const SETEXT = /^ {0,3}(=+|-{2,})[ \t]*$/;

const isBlank = (line: string) => line.trim() === "";

export function parseBlocks(text: string): SourcedBlock[] {
  return readBlocks(text.replace(/\r\n?/g, "\n").split("\n"));
}

function readBlocks(lines: string[]): SourcedBlock[] {
  const blocks: SourcedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const start = i;
    const [block, next] = readBlock(lines, i);
    i = next;
    blocks.push({ ...block, src: lines.slice(start, i).join("\n") });
  }
  return blocks;
}

/** One block starting at a non-blank line `i`; returns it and the index after it. */
function readBlock(lines: string[], i: number): [Block, number] {
  const line = lines[i];
  const fence = FENCE.exec(line);
  if (fence) return readFence(lines, i, fence[1], fence[2]);
  const atx = ATX.exec(line);
  if (atx) return [{ t: "h", level: atx[1].length, text: headingText(line.slice(atx[0].length)) }, i + 1];
  if (RULE.test(line)) return [{ t: "hr" }, i + 1];
  if (QUOTE.test(line)) {
    let end = i;
    while (end < lines.length && QUOTE.test(lines[end])) end++;
    return [{ t: "quote", children: readBlocks(lines.slice(i, end).map((l) => l.replace(QUOTE, ""))) }, end];
  }
  if (ITEM.test(line)) return readList(lines, i);
  if (isTableStart(lines, i)) return readTable(lines, i);
  return readParagraph(lines, i);
}

function headingText(rest: string): string {
  // A closing run of #s ("## Title ##") is not part of the title.
  const title = rest.trim();
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end--;
  return end === 0 || title[end - 1] === " " || title[end - 1] === "\t" ? title.slice(0, end).trim() : title;
}

function readFence(lines: string[], i: number, marker: string, lang: string): [Block, number] {
  const body: string[] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const close = lines[j].trim();
    if (close.length >= marker.length && close[0] === marker[0] && /^([`~])\1*$/.test(close)) {
      return [{ t: "code", lang, text: body.join("\n") }, j + 1];
    }
    body.push(lines[j]);
  }
  return [{ t: "code", lang, text: body.join("\n") }, j];
}

/** Whether a line may end a paragraph by starting another block. */
function interrupts(line: string): boolean {
  return FENCE.test(line) || ATX.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);
}

function readParagraph(lines: string[], i: number): [Block, number] {
  const body = [lines[i].trim()];
  let j = i + 1;
  for (; j < lines.length && !isBlank(lines[j]); j++) {
    const setext = SETEXT.exec(lines[j]);
    if (setext) return [{ t: "h", level: setext[1][0] === "=" ? 1 : 2, text: body.join("\n") }, j + 1];
    if (interrupts(lines[j]) || isTableStart(lines, j)) break;
    body.push(lines[j].trim());
  }
  return [{ t: "p", text: body.join("\n") }, j];
}

function readList(lines: string[], i: number): [Block, number] {
  const first = ITEM.exec(lines[i])!;
  const ordered = /\d/.test(first[2]);
  const start = ordered ? Number.parseInt(first[2], 10) : 1;
  const items: Block[][] = [];
  let j = i;
  while (j < lines.length) {
    const m = ITEM.exec(lines[j]);
    if (!m || /\d/.test(m[2]) !== ordered) break;
    const indent = m[0].length;
    const body = [lines[j].slice(indent)];
    j++;
    while (j < lines.length) {
      const line = lines[j];
      if (isBlank(line)) {
        // A blank line continues the item only when indented content follows it.
        let k = j;
        while (k < lines.length && isBlank(lines[k])) k++;
        if (k < lines.length && leadingSpaces(lines[k]) >= indent) {
          for (; j < k; j++) body.push("");
          continue;
        }
        if (k < lines.length && ITEM.test(lines[k]) && leadingSpaces(lines[k]) < indent) j = k;
        break;
      }
      if (leadingSpaces(line) >= indent) body.push(line.slice(indent));
      else if (ITEM.test(line)) break;
      else if (!interrupts(line) && !isBlank(body[body.length - 1])) body.push(line.trim()); // lazy continuation
      else break;
      j++;
    }
    items.push(readBlocks(body));
  }
  return [{ t: "list", ordered, start, items }, j];
}

function leadingSpaces(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === " ") n++;
    else if (c === "\t") n += 4;
    else break;
  }
  return n;
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  // Split on pipes that are not escaped (`a \| b` is one cell).
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** `|---|:--:|` under a header row with as many cells (checked cell by cell: no backtracking regex on long lines). */
function isTableStart(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  if (next === undefined || !lines[i].includes("|") || !next.includes("-")) return false;
  const cells = splitRow(next);
  return cells.every((cell) => /^:?-+:?$/.test(cell)) && cells.length === splitRow(lines[i]).length;
}

function readTable(lines: string[], i: number): [Block, number] {
  const header = splitRow(lines[i]);
  const align = splitRow(lines[i + 1]).map((cell): Align => {
    const left = cell.startsWith(":");
    const right = cell.endsWith(":");
    return left && right ? "center" : right ? "right" : left ? "left" : null;
  });
  const rows: string[][] = [];
  let j = i + 2;
  for (; j < lines.length && !isBlank(lines[j]) && lines[j].includes("|") && !interrupts(lines[j]); j++) {
    const cells = splitRow(lines[j]);
    rows.push(header.map((_, k) => cells[k] ?? ""));
  }
  return [{ t: "table", align, header, rows }, j];
}
