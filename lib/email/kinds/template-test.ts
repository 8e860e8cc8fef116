import { z } from "zod";
import { AUTO_REPLY_KIND, EDITABLE_EMAIL_KINDS, EDITABLE_EMAILS } from "@/lib/email-templates/editable";
import { exampleTemplateValues } from "@/lib/email-templates/values";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { defineEmailKind } from "@/lib/email/kind";
import { modelsOf } from "@/lib/reader";

/**
 * "Send me a test" from Settings → Emails: the wording as typed (saved or not), with the example
 * values, in the brand's name, to the member who asked. Marked as a test in its subject.
 */
export const templateTest = defineEmailKind({
  params: z.object({
    // Tests queued before proposal emails were editable were all auto-replies.
    kind: z.enum(EDITABLE_EMAIL_KINDS).default(AUTO_REPLY_KIND),
    brandId: z.string(),
    subject: z.string().max(200),
    body: z.string().max(5000),
  }),
  async render({ tx, studioId }, { kind, brandId, subject, body }) {
    if (!studioId) return null;
    const brand = await modelsOf(tx).brand.findFirst({ where: { id: brandId, studioId }, select: { name: true } });
    if (!brand) return null;
    const { context } = EDITABLE_EMAILS[kind];
    const wording = renderEmailWording({ subject, body }, exampleTemplateValues(context, brand.name), context);
    return { subject: `[Test] ${wording.subject}`, text: wording.text, html: wording.html, sender: brand.name };
  },
});
