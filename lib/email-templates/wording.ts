import { escapeHtml } from "@/lib/templates/html";
import { renderTemplate, validateTemplate, type TemplateValues } from "@/lib/templates/engine";
import { fieldToken, isCustomField, type TemplateContextName } from "@/lib/templates/fields";
import { parseTemplate, type TemplateIssue } from "@/lib/templates/parse";
import { paragraphsOf } from "@/lib/templates/paragraphs";

// An email template is written as plain text (a subject line and a message in paragraphs) and
// goes through the one template engine as HTML, which gives the email its HTML and text parts.

/** Paragraphs at blank lines, line breaks within them; every character escaped. */
export function textToTemplateHtml(text: string): string {
  return paragraphsOf(text)
    .map((p) => `<p>${p.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("");
}

/**
 * Problems with a subject and message, per field, as the settings form shows them; `required`
 * names fields the message must contain (a proposal's link).
 */
export function checkEmailWording(
  { subject, body }: { subject: string; body: string },
  context: TemplateContextName = "inquiry",
  required: readonly string[] = [],
) {
  const messages = (issues: TemplateIssue[]) => issues.map((i) => i.message);
  const errors: Record<string, string[]> = {};
  const subjectIssues = messages(validateTemplate(escapeHtml(subject), context));
  const bodyIssues = messages(validateTemplate(textToTemplateHtml(body), context));
  const used = new Set(parseTemplate(textToTemplateHtml(body)).tokens.map((t) => t.key));
  for (const key of required)
    if (!used.has(key)) bodyIssues.push(`The message must include ${fieldToken(key)}, or your client cannot open it.`);
  if (subjectIssues.length) errors.subject = subjectIssues;
  if (bodyIssues.length) errors.body = bodyIssues;
  return errors;
}

/**
 * {@link checkEmailWording} for an email to a client about a lead or a job, written by a member
 * (composed, or a workflow's step): custom fields belong to contracts and are refused too.
 */
export function checkClientEmailWording(wording: { subject: string; body: string }, context: TemplateContextName) {
  const errors = checkEmailWording(wording, context);
  for (const [field, text] of Object.entries(wording))
    if (parseTemplate(escapeHtml(text)).tokens.some((t) => isCustomField(t.key)))
      errors[field] = [...(errors[field] ?? []), "Custom fields cannot be used in an email."];
  return errors;
}

export type RenderedWording = {
  subject: string;
  text: string;
  html: string;
  /** Fields with no value, shown as their label in brackets. */
  missing: { key: string; label: string }[];
};

/** Subject, plain text and sanitized HTML with the values in place (a missing value shows as its label). */
export function renderEmailWording(
  { subject, body }: { subject: string; body: string },
  values: TemplateValues,
  context: TemplateContextName = "inquiry",
): RenderedWording {
  const message = renderTemplate(textToTemplateHtml(body), { context, values });
  const line = renderTemplate(escapeHtml(subject), { context, values });
  return {
    subject: line.text.replace(/\s+/g, " ").trim(),
    text: message.text,
    html: message.html,
    missing: [...message.missing, ...line.missing.filter((m) => !message.missing.some((n) => n.key === m.key))],
  };
}
