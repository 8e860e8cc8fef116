import { blocksToText, escapeHtml, htmlToBlocks, sanitizeTemplateHtml, type Block } from "@/lib/templates/html";
import { CUSTOM_KEY, customFieldName, fieldLabel, isCustomField, TEMPLATE_CONTEXTS, type TemplateContextName } from "@/lib/templates/fields";

// The one template engine: parse `{{field}}` tokens out of sanitized HTML, validate them against
// a context's fields, and render with values, giving sanitized HTML and its plain text.

/** Where something is in the template as the photographer sees it: lines are paragraphs, headings, list items. */
export type TemplatePosition = { line: number; column: number };

export type FieldToken = TemplatePosition & { key: string; start: number; end: number };

export type TemplateIssue = TemplatePosition & { message: string; field?: string };

const TOKEN = /\{\{([^{}<>]*)\}\}/g;
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

const at = (p: TemplatePosition) => `line ${p.line}, column ${p.column}`;

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
    if (!key) issues.push({ ...where, message: `An empty field {{}} at ${at(where)}: write a field name between the braces or remove them.` });
    else if (!KEY.test(key)) issues.push({ ...where, field: key, message: `“{{${key}}}” at ${at(where)} is not a field name: use one from the list, such as {{client.name}}.` });
    else tokens.push({ ...where, key, start, end });
  }
  reportUnclosed(source.slice(covered), covered, position, issues);
  return { tokens, issues };
}

/** A `{{` that no `}}` closes (often a field split by formatting, such as a bold half). */
function reportUnclosed(text: string, offset: number, position: (o: number) => TemplatePosition, issues: TemplateIssue[]) {
  for (const match of text.matchAll(/\{\{/g)) {
    const where = position(offset + match.index);
    const tail = text.slice(match.index, match.index + 24).replace(/<[^>]*>?/g, "");
    issues.push({ ...where, message: `A field at ${at(where)} is not closed: “${tail}…” needs }} right after the field name, with no formatting inside the braces.` });
  }
}

/** Issues with the template in `context`: malformed fields, and fields the context does not have. */
export function validateTemplate(source: string, context: TemplateContextName): TemplateIssue[] {
  const { tokens, issues } = parseTemplate(source);
  const { fields, allowsCustomFields } = TEMPLATE_CONTEXTS[context];
  const known = new Set<string>(fields.map((f) => f.key));
  for (const { key, line, column } of tokens) {
    if (known.has(key)) continue;
    const where = at({ line, column });
    if (isCustomField(key)) {
      if (!allowsCustomFields) issues.push({ line, column, field: key, message: `Custom fields such as {{${key}}} (${where}) cannot be used here.` });
      else if (!CUSTOM_KEY.test(customFieldName(key))) {
        issues.push({ line, column, field: key, message: `{{${key}}} at ${where}: name custom fields with lowercase letters, digits and _, such as {{custom.second_shooter}}.` });
      }
      continue;
    }
    issues.push({ line, column, field: key, message: `Unknown field {{${key}}} at ${where}. Pick a field from the list, or write {{custom.${key.replace(/\W+/g, "_")}}} for one you fill in yourself.` });
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The distinct custom fields of a template, in order of first use. */
export function customFieldsOf(source: string): string[] {
  return [...new Set(parseTemplate(source).tokens.map((t) => t.key).filter(isCustomField))];
}

export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => i.message).join(" "));
    this.name = "TemplateError";
  }
}

export type TemplateValues = Record<string, string | null | undefined>;

export type RenderedTemplate = {
  html: string;
  text: string;
  blocks: Block[];
  /** Fields without a value. A preview shows them as gaps; sending refuses them. */
  missing: { key: string; label: string }[];
};

/**
 * Renders a template. Values are escaped before they are placed, and the result is sanitized
 * again, so no value can add markup. An invalid template throws TemplateError, never renders a blank.
 */
export function renderTemplate(source: string, { context, values }: { context: TemplateContextName; values: TemplateValues }): RenderedTemplate {
  const clean = sanitizeTemplateHtml(source);
  const issues = validateTemplate(clean, context);
  if (issues.length) throw new TemplateError(issues);
  const missing = new Map<string, string>();
  const html = sanitizeTemplateHtml(
    clean.replace(TOKEN, (_match, raw: string) => {
      const key = raw.trim();
      const value = values[key]?.trim();
      if (value) return escapeHtml(value);
      const label = fieldLabel(context, key);
      missing.set(key, label);
      return escapeHtml(`[${label}]`);
    }),
  );
  const blocks = htmlToBlocks(html);
  return { html, text: blocksToText(blocks), blocks, missing: [...missing].map(([key, label]) => ({ key, label })) };
}
