import { findClientTemplateValues, findInquiryTemplateValues } from "@/lib/email-templates/values";
import { type Reader } from "@/lib/reader";
import { TEMPLATE_CONTEXTS, type TemplateContextName } from "@/lib/templates/fields";
import { findJobTemplateValues, type RecipientValues } from "@/lib/templates/job-values";

/** Whom an email written on a lead's, a job's or a client's page goes to, whose name it speaks in, and its smart fields' values. */
export type ComposeTarget = RecipientValues & { context: TemplateContextName };

type About = {
  studioId: string;
  leadId?: string | null;
  jobId?: string | null;
  contactId?: string | null;
  now?: Date;
};

/** The lead's, job's or client's address and smart-field values as of `now`; null when it is not this studio's. */
export async function findComposeTarget(
  db: Reader,
  { studioId, leadId, jobId, contactId, now = new Date() }: About,
): Promise<ComposeTarget | null> {
  const of = (context: TemplateContextName, found: RecipientValues | null): ComposeTarget | null =>
    found && { ...found, context };
  if (leadId) return of("inquiry", await findInquiryTemplateValues(db, { studioId, leadId, now }));
  if (contactId) return of("client", await findClientTemplateValues(db, { studioId, contactId, now }));
  if (jobId) return of("job", await findJobTemplateValues(db, { studioId, jobId, now }));
  return null;
}

/** The smart fields an email about this lead or job can use, each with what it says now (the compose form's list). */
export function composeFields(target: ComposeTarget) {
  return TEMPLATE_CONTEXTS[target.context].fields.map((f) => ({
    key: f.key,
    label: f.label,
    value: target.values[f.key] ?? null,
  }));
}
