import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "./markdown-view";

const html = (text: string, tail?: React.ReactNode) => renderToStaticMarkup(<MarkdownView text={text} tail={tail} />);

describe("MarkdownView", () => {
  it("draws headings, bold, lists and code as elements", () => {
    const out = html("## Launch plan\n\nIt is **bold**.\n\n- one\n- two\n\n```\nx < 1\n```");
    expect(out).toMatch(/<h2[^>]*>Launch plan<\/h2>/);
    expect(out).toMatch(/<strong[^>]*>bold<\/strong>/);
    expect(out).toMatch(/<ul[^>]*><li>one<\/li><li>two<\/li><\/ul>/);
    expect(out).toMatch(/<pre[^>]*><code>x &lt; 1<\/code><\/pre>/);
    expect(out).not.toContain("##");
  });

  it("never lets the text's HTML through, and opens safe links in a new tab without an opener", () => {
    const out = html('<img src=x onerror="alert(1)"> [ok](https://example.com) [bad](javascript:alert(1))');
    expect(out).not.toMatch(/<img/);
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain('<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow"');
    expect(out).not.toContain("javascript:");
  });

  it("puts the tail (the streaming caret) at the end of the last block's text", () => {
    const caret = <i data-caret="" />;
    expect(html("para\n\n- a\n- b", caret)).toMatch(/<li>b<i data-caret=""><\/i><\/li><\/ul><\/div>$/);
    expect(html("", caret)).toMatch(/<i data-caret=""><\/i><\/div>$/);
  });
});
