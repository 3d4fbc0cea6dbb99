/**
 * A model's answer drawn as Markdown: React elements of a fixed set of tags, never HTML from
 * the text, links only to http(s)/mailto in a new tab without an opener, no remote images.
 * Blocks are memoised by their source, so while an answer grows only its last block redraws;
 * `tail` (the streaming caret) goes at the end of the last block's text.
 */
"use client";
import { Fragment, memo, useMemo, type ReactNode } from "react";
import { parseBlocks, type Block, type SourcedBlock } from "./parse-blocks";
import { parseInline, type Inline } from "./parse-inline";

export function MarkdownView({ text, tail, testId, className = "" }: { text: string; tail?: ReactNode; testId?: string; className?: string }) {
  const blocks = useMemo(() => parseBlocks(text), [text]);
  return (
    <div data-testid={testId} className={`break-words text-xs leading-relaxed text-zinc-200 ${className}`}>
      {blocks.map((block, k) => (
        <TopBlock key={k} block={block} tail={k === blocks.length - 1 ? tail : undefined} />
      ))}
      {blocks.length === 0 && tail}
    </div>
  );
}

const TopBlock = memo(
  function TopBlock({ block, tail }: { block: SourcedBlock; tail?: ReactNode }) {
    return renderBlock(block, tail);
  },
  (a, b) => a.block.src === b.block.src && a.tail === b.tail,
);

const HEADING = ["text-base font-semibold", "text-sm font-semibold", "text-xs font-semibold", "text-xs font-semibold", "text-xs font-medium", "text-xs font-medium text-zinc-400"];
const ALIGN = { left: "text-left", center: "text-center", right: "text-right" } as const;

function renderBlock(block: Block, tail?: ReactNode, key?: number): ReactNode {
  switch (block.t) {
    case "p":
      return <p key={key} className="my-1 first:mt-0 last:mb-0">{inline(block.text)}{tail}</p>;
    case "h": {
      const Tag = `h${block.level}` as "h1";
      return <Tag key={key} className={`mb-1 mt-2 first:mt-0 ${HEADING[block.level - 1]}`}>{inline(block.text)}{tail}</Tag>;
    }
    case "code":
      return (
        <pre key={key} className="my-1.5 overflow-auto rounded bg-black/40 p-2 font-mono text-[11px] leading-snug" data-lang={block.lang || undefined}>
          <code>{block.text}</code>
          {tail}
        </pre>
      );
    case "quote":
      return <blockquote key={key} className="my-1 border-l-2 border-zinc-600 pl-2 text-zinc-400">{blocks(block.children, tail)}</blockquote>;
    case "list": {
      const items = block.items.map((item, k) => <li key={k}>{itemContent(item, k === block.items.length - 1 ? tail : undefined)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start} className="my-1 list-decimal space-y-0.5 pl-5">{items}</ol>
      ) : (
        <ul key={key} className="my-1 list-disc space-y-0.5 pl-4">{items}</ul>
      );
    }
    case "table":
      return (
        <Fragment key={key}>
          <div className="my-1.5 overflow-auto">
            <table className="border-collapse">
              <thead>
                <tr>{block.header.map((cell, k) => <th key={k} className={`border border-line px-1.5 py-0.5 font-semibold ${ALIGN[block.align[k] ?? "left"]}`}>{inline(cell)}</th>)}</tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>{row.map((cell, k) => <td key={k} className={`border border-line px-1.5 py-0.5 ${ALIGN[block.align[k] ?? "left"]}`}>{inline(cell)}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
          {tail}
        </Fragment>
      );
    case "hr":
      return <Fragment key={key}><hr className="my-2 border-line" />{tail}</Fragment>;
  }
}

function blocks(children: Block[], tail?: ReactNode): ReactNode {
  return children.map((child, k) => renderBlock(child, k === children.length - 1 ? tail : undefined, k));
}

/** A list item of one paragraph is drawn without the paragraph (a tight list). */
function itemContent(item: Block[], tail?: ReactNode): ReactNode {
  if (item.length === 1 && item[0].t === "p") return <>{inline(item[0].text)}{tail}</>;
  return item.length === 0 ? tail : blocks(item, tail);
}

function inline(text: string): ReactNode {
  return parseInline(text).map(renderInline);
}

function renderInline(node: Inline, key: number): ReactNode {
  if (typeof node === "string") return node;
  switch (node.t) {
    case "br":
      return <br key={key} />;
    case "code":
      return <code key={key} className="rounded bg-white/10 px-1 font-mono text-[0.95em]">{node.text}</code>;
    case "strong":
      return <strong key={key} className="font-semibold text-zinc-100">{node.children.map(renderInline)}</strong>;
    case "em":
      return <em key={key}>{node.children.map(renderInline)}</em>;
    case "del":
      return <del key={key}>{node.children.map(renderInline)}</del>;
    case "link":
      return node.href ? (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow" className="text-violet-300 underline hover:text-violet-200">
          {node.children.map(renderInline)}
        </a>
      ) : (
        <span key={key} title="not a web address: not opened" className="underline decoration-dotted">{node.children.map(renderInline)}</span>
      );
  }
}
