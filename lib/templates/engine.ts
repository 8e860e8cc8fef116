import {
  CUSTOM_KEY,
  customFieldName,
  fieldLabel,
  isCustomField,
  TEMPLATE_CONTEXTS,
  type TemplateContextName,
  type TemplateField,
} from "@/lib/templates/fields";
import { blocksToText, escapeHtml, htmlToBlocks, sanitizeTemplateHtml, type Block } from "@/lib/templates/html";
import { parseTemplate, positionText as at, TOKEN, type TemplateIssue } from "@/lib/templates/parse";

// The one template engine: validate a template's `{{field}}` tokens (lib/templates/parse.ts)
// against a context's fields, and render with values, giving sanitized HTML and its plain text.

export type { TemplateIssue };

/** Issues with the template in `context`: malformed fields, and fields the context does not have. */
export function validateTemplate(source: string, context: TemplateContextName): TemplateIssue[] {
  const { tokens, issues } = parseTemplate(source);
  const { fields, allowsCustomFields } = TEMPLATE_CONTEXTS[context];
  const known = new Set<string>(fields.map((f) => f.key));
  for (const { key, line, column } of tokens) {
    if (known.has(key)) continue;
    const where = at({ line, column });
    if (isCustomField(key)) {
      if (!allowsCustomFields)
        issues.push({
          line,
          column,
          field: key,
          message: `Custom fields such as {{${key}}} (${where}) cannot be used here.`,
        });
      else if (!CUSTOM_KEY.test(customFieldName(key))) {
        issues.push({
          line,
          column,
          field: key,
          message: `{{${key}}} at ${where}: name custom fields with lowercase letters, digits and _, such as {{custom.second_shooter}}.`,
        });
      }
      continue;
    }
    issues.push({
      line,
      column,
      field: key,
      message: `Unknown field {{${key}}} at ${where}. Pick a field from the list, or write {{custom.${key.replace(/\W+/g, "_")}}} for one you fill in yourself.`,
    });
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
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
export function renderTemplate(
  source: string,
  { context, values }: { context: TemplateContextName; values: TemplateValues },
): RenderedTemplate {
  const clean = sanitizeTemplateHtml(source);
  const issues = validateTemplate(clean, context);
  if (issues.length) throw new TemplateError(issues);
  const missing = new Map<string, string>();
  const fields: readonly TemplateField[] = TEMPLATE_CONTEXTS[context].fields;
  const leftOut = new Set(fields.filter((f) => f.optional && !values[f.key]?.trim()).map((f) => f.key));
  const html = sanitizeTemplateHtml(
    withoutBlocksOfOnly(clean, leftOut).replace(TOKEN, (_match, raw: string) => {
      const key = raw.trim();
      const value = values[key]?.trim();
      // A value of several lines (an invoice's schedule) keeps its line breaks.
      if (value) return escapeHtml(value).replace(/\r?\n/g, "<br>");
      if (leftOut.has(key)) return "";
      const label = fieldLabel(context, key);
      missing.set(key, label);
      return escapeHtml(`[${label}]`);
    }),
  );
  const blocks = htmlToBlocks(html);
  return { html, text: blocksToText(blocks), blocks, missing: [...missing].map(([key, label]) => ({ key, label })) };
}

/**
 * The source without its paragraphs, headings and list items that hold nothing but fields in
 * `keys` (optional fields with nothing to say, such as a proposal's contract sentence when it has
 * no contract): such a block goes whole rather than leaving a gap.
 */
function withoutBlocksOfOnly(source: string, keys: ReadonlySet<string>): string {
  if (!keys.size) return source;
  return source.replace(/<(p|li|h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g, (block, _tag, inner: string) => {
    const tokens = [...inner.matchAll(TOKEN)].map((m) => m[1].trim());
    const onlyLeftOut = tokens.length > 0 && tokens.every((key) => keys.has(key));
    const rest = inner.replace(TOKEN, "").replace(/<[^>]*>|&nbsp;|\s/g, "");
    return onlyLeftOut && rest === "" ? "" : block;
  });
}
