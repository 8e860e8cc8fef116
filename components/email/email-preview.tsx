"use client";

import { paragraphsOf } from "@/lib/templates/paragraphs";
import { parseTemplate } from "@/lib/templates/parse";

type Field = { key: string; label: string; value: string | null };

/** A piece of the preview: text as written, a field filled in, or a field that cannot be. */
type Piece = { text: string } | { field: string; value: string } | { field: string; problem: string };

/** The text with each smart field replaced by what it says here, as pieces to show. */
function fill(text: string, fields: Map<string, Field>): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const token of parseTemplate(text).tokens) {
    if (token.start > at) pieces.push({ text: text.slice(at, token.start) });
    const field = fields.get(token.key);
    if (!field) pieces.push({ field: token.key, problem: `{{${token.key}}}: not a field of this email` });
    else if (field.value === null) pieces.push({ field: token.key, problem: `${field.label}: nothing yet` });
    else pieces.push({ field: token.key, value: field.value });
    at = token.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

function Pieces({ pieces }: { pieces: Piece[] }) {
  return pieces.map((p, i) =>
    "text" in p ? (
      <span key={i}>{p.text}</span>
    ) : "value" in p ? (
      <span key={i} className="rounded-sm bg-brand-50 text-slate-900">
        {p.value}
      </span>
    ) : (
      <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-amber-900">
        [{p.problem}]
      </mark>
    ),
  );
}

/**
 * The email as the client will read it, updated as you type: each smart field filled in with what
 * it says for this lead or job, and a field with nothing to say yet marked (sending refuses it).
 * The message is cut into paragraphs at blank lines, as the sent email is.
 */
export function EmailPreview({ subject, body, fields }: { subject: string; body: string; fields: Field[] }) {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const paragraphs = paragraphsOf(body);
  const problems = [subject, ...paragraphs].flatMap((t) => fill(t, byKey)).filter((p) => "problem" in p);
  return (
    <section aria-label="Preview" className="rounded-md border border-slate-200 bg-white p-4 text-sm">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Preview</h3>
      {subject.trim() || paragraphs.length ? (
        <>
          <p className="mt-2 font-medium text-slate-900" data-testid="preview-subject">
            <Pieces pieces={fill(subject.replace(/\s+/g, " ").trim(), byKey)} />
          </p>
          <div className="mt-2 space-y-2 text-slate-800" data-testid="preview-body">
            {paragraphs.map((p, i) => (
              <p key={i} className="whitespace-pre-line">
                <Pieces pieces={fill(p, byKey)} />
              </p>
            ))}
          </div>
          {problems.length ? (
            <p className="mt-3 text-amber-900">
              The marked fields cannot be filled in here: remove them or write them out before sending.
            </p>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-slate-600">Write a subject and a message to see them here as they will read.</p>
      )}
    </section>
  );
}
