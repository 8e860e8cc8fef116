import { isCustomField } from "@/lib/templates/fields";

// Finding `{{field}}` tokens in a template's HTML, with where each one is. No server dependencies:
// the editor uses it in the browser to list the custom fields to fill in.

/** Where something is in the template as the photographer sees it: lines are paragraphs, headings, list items. */
export type TemplatePosition = { line: number; column: number };

export type FieldToken = TemplatePosition & { key: string; start: number; end: number };

export type TemplateIssue = TemplatePosition & { message: string; field?: string };

export const TOKEN = /\{\{([^{}<>]*)\}\}/g;
const KEY = /^[a-z][a-z_]*(\.[A-Za-z0-9_]+)?$/;
const LINE_ENDING_TAGS = /^<\/?(p|h[1-6]|li|br|ul|ol)\b/i;

/** Maps offsets of the HTML source to line and column of its text (tags take no room, entities one). */
function positionMap(source: string): (offset: number) => TemplatePosition {
  const lines = new Int32Array(source.length + 1);
  const columns = new Int32Array(source.length + 1);
  let line = 1;
  let column = 1;
  let i = 0;
  const mark = (to: number) => {
    for (; i < to; i++) {
      lines[i] = line;
      columns[i] = column;
    }
  };
  while (i < source.length) {
    const c = source[i];
    if (c === "<") {
      const end = source.indexOf(">", i);
      const stop = end === -1 ? source.length : end + 1;
      const tag = source.slice(i, stop);
      mark(stop);
      if (LINE_ENDING_TAGS.test(tag) && column > 1) {
        line++;
        column = 1;
      }
    } else if (c === "&") {
      const entity = /^&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.exec(source.slice(i, i + 12));
      mark(i + (entity ? entity[0].length : 1));
      column++;
    } else if (c === "\n") {
      mark(i + 1);
      if (column > 1) {
        line++;
        column = 1;
      }
    } else {
      mark(i + 1);
      column++;
    }
  }
  lines[source.length] = line;
  columns[source.length] = column;
  return (offset) => ({ line: lines[offset], column: columns[offset] });
}

/** "line 2, column 14" */
export const positionText = (p: TemplatePosition) => `line ${p.line}, column ${p.column}`;

/** Every `{{field}}` of the source, and every malformed one as an issue. */
export function parseTemplate(source: string): { tokens: FieldToken[]; issues: TemplateIssue[] } {
  const position = positionMap(source);
  const tokens: FieldToken[] = [];
  const issues: TemplateIssue[] = [];
  let covered = 0;
  for (const match of source.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    reportUnclosed(source.slice(covered, start), covered, position, issues);
    covered = end;
    const key = match[1].trim();
    const where = position(start);
    if (!key)
      issues.push({
        ...where,
        message: `An empty field {{}} at ${positionText(where)}: write a field name between the braces or remove them.`,
      });
    else if (!KEY.test(key))
      issues.push({
        ...where,
        field: key,
        message: `“{{${key}}}” at ${positionText(where)} is not a field name: use one from the list, such as {{client.name}}.`,
      });
    else tokens.push({ ...where, key, start, end });
  }
  reportUnclosed(source.slice(covered), covered, position, issues);
  return { tokens, issues };
}

/** A `{{` that no `}}` closes (often a field split by formatting, such as a bold half). */
function reportUnclosed(
  text: string,
  offset: number,
  position: (o: number) => TemplatePosition,
  issues: TemplateIssue[],
) {
  for (const match of text.matchAll(/\{\{/g)) {
    const where = position(offset + match.index);
    const tail = text.slice(match.index, match.index + 24).replace(/<[^>]*>?/g, "");
    issues.push({
      ...where,
      message: `A field at ${positionText(where)} is not closed: “${tail}…” needs }} right after the field name, with no formatting inside the braces.`,
    });
  }
}

/** The distinct custom fields of a template, in order of first use. */
export function customFieldsOf(source: string): string[] {
  return [
    ...new Set(
      parseTemplate(source)
        .tokens.map((t) => t.key)
        .filter(isCustomField),
    ),
  ];
}
