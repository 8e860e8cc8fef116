import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

// The only HTML a template, a contract or a templated email may contain: headings, paragraphs,
// bold/italic/underline, lists, line breaks and http(s)/mailto links. Everything else (script,
// style, event handlers, javascript: links, images, forms) is dropped, with its text where the
// tag only wrapped text, and without it for script and style.

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["h1", "h2", "h3", "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // Every link opens outside the contract page and tells the target nothing about it.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
    h4: "h3",
    h5: "h3",
    h6: "h3",
  },
};

export function sanitizeTemplateHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim();
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML, in element content or a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A stretch of text with its inline styles. */
export type TextRun = { text: string; bold?: boolean; italic?: boolean; underline?: boolean; href?: string };

/** The document as blocks: what the plain-text rendering and the PDF are both made from. */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: TextRun[] }
  | { kind: "paragraph"; runs: TextRun[] }
  | { kind: "list"; ordered: boolean; items: TextRun[][] };

const INLINE_STYLE: Record<string, keyof Pick<TextRun, "bold" | "italic" | "underline">> = {
  strong: "bold",
  b: "bold",
  em: "italic",
  i: "italic",
  u: "underline",
};

// A <br> survives whitespace collapsing as U+2028 and becomes "\n" afterwards.
const LINE_BREAK = "\u2028";

/** Collapses whitespace the way a browser does, keeping the line breaks `<br>` made. */
function tidy(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const text = run.text.replace(/[ \t\r\n\f]+/g, " ");
    const last = out.at(-1);
    if (last && sameStyle(last, run)) last.text += text;
    else out.push({ ...run, text });
  }
  if (out.length) {
    out[0].text = out[0].text.replace(/^ +/, "");
    out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, "");
  }
  for (const run of out) run.text = run.text.replace(/ ?\u2028 ?/g, "\n");
  return out.filter((r) => r.text.length > 0);
}

const sameStyle = (a: TextRun, b: TextRun) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.href === b.href;

/** Parses sanitized HTML into blocks. Text outside any block becomes a paragraph. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const styles: Record<string, number> = { bold: 0, italic: 0, underline: 0 };
  const hrefs: string[] = [];
  let runs: TextRun[] = [];
  let current: { kind: "heading"; level: 1 | 2 | 3 } | { kind: "paragraph" } | null = null;
  const lists: { ordered: boolean; items: TextRun[][] }[] = [];

  const push = (text: string) => {
    runs.push({
      text,
      ...(styles.bold ? { bold: true } : {}),
      ...(styles.italic ? { italic: true } : {}),
      ...(styles.underline ? { underline: true } : {}),
      ...(hrefs.length ? { href: hrefs.at(-1) } : {}),
    });
  };
  const flush = () => {
    const tidied = tidy(runs);
    runs = [];
    if (tidied.length === 0) return;
    const list = lists.at(-1);
    if (list) list.items.push(tidied);
    else if (current?.kind === "heading") blocks.push({ kind: "heading", level: current.level, runs: tidied });
    else blocks.push({ kind: "paragraph", runs: tidied });
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (/^h[1-6]$/.test(name) || name === "p") {
          flush();
          if (!lists.length)
            current =
              name === "p"
                ? { kind: "paragraph" }
                : { kind: "heading", level: Math.min(3, Number(name[1])) as 1 | 2 | 3 };
        } else if (name === "ul" || name === "ol") {
          flush();
          // A nested list's items are listed after its parent item, one level flat.
          if (!lists.length) lists.push({ ordered: name === "ol", items: [] });
          else lists.push({ ordered: name === "ol", items: lists.at(-1)!.items });
        } else if (name === "li") {
          flush();
        } else if (name === "br") {
          push(LINE_BREAK);
        } else if (name === "a") {
          hrefs.push(attributes.href ?? "");
        } else if (INLINE_STYLE[name]) {
          styles[INLINE_STYLE[name]]++;
        }
      },
      ontext(text) {
        push(text);
      },
      onclosetag(name) {
        if (/^h[1-6]$/.test(name) || name === "p") {
          flush();
          current = null;
        } else if (name === "li") {
          flush();
        } else if (name === "ul" || name === "ol") {
          flush();
          const list = lists.pop();
          if (list && !lists.length && list.items.length)
            blocks.push({ kind: "list", ordered: list.ordered, items: list.items });
        } else if (name === "a") {
          hrefs.pop();
        } else if (INLINE_STYLE[name]) {
          styles[INLINE_STYLE[name]] = Math.max(0, styles[INLINE_STYLE[name]] - 1);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

function runsToText(runs: TextRun[]): string {
  return runs
    .map((r) =>
      r.href && r.href !== r.text && r.href !== `mailto:${r.text}`
        ? `${r.text} (${r.href.replace(/^mailto:/, "")})`
        : r.text,
    )
    .join("");
}

/** The plain-text rendering: for email text parts and anywhere HTML cannot go. */
export function blocksToText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === "list")
        return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${runsToText(item)}`).join("\n");
      return runsToText(block.runs);
    })
    .join("\n\n");
}

export const htmlToText = (html: string) => blocksToText(htmlToBlocks(html));
