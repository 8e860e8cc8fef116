import { EDITABLE_EMAILS, type EditableEmailKind } from "@/lib/email-templates/editable";
import { findEmailWording } from "@/lib/email-templates/queries";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { type RenderedEmail } from "@/lib/email/kind";
import { type Reader } from "@/lib/reader";
import { type TemplateValues } from "@/lib/templates/engine";

/**
 * An email to a client in its brand's wording of `kind` (Settings → Emails), with `values` in
 * place: what a kind's render returns. The text alone: the one layout makes its HTML, with links
 * as links. Null when the brand has turned the email off.
 */
export async function renderBrandEmail(
  db: Reader,
  {
    studioId,
    brand,
    kind,
    values,
  }: { studioId: string; brand: { id: string; name: string }; kind: EditableEmailKind; values: TemplateValues },
): Promise<RenderedEmail | null> {
  const wording = await findEmailWording(db, { studioId, brandId: brand.id, kind });
  if (!wording) return null;
  const { subject, text } = renderEmailWording(wording, values, EDITABLE_EMAILS[kind].context);
  return { sender: brand.name, subject, text };
}

/** What every email to a job's client reads of its job. */
export const EMAIL_JOB_SELECT = {
  title: true,
  date: true,
  brand: { select: { id: true, name: true } },
  contact: { select: { name: true } },
} as const;
