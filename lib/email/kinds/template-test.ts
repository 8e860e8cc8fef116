import { z } from "zod";
import { exampleInquiryValues } from "@/lib/email-templates/values";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { defineEmailKind } from "@/lib/email/kind";
import { modelsOf } from "@/lib/reader";

/**
 * "Send me a test" from Settings → Emails: the wording as typed (saved or not), with the example
 * values, in the brand's name, to the member who asked. Marked as a test in its subject.
 */
export const templateTest = defineEmailKind({
  params: z.object({ brandId: z.string(), subject: z.string().max(200), body: z.string().max(5000) }),
  async render({ tx, studioId }, { brandId, subject, body }) {
    if (!studioId) return null;
    const brand = await modelsOf(tx).brand.findFirst({ where: { id: brandId, studioId }, select: { name: true } });
    if (!brand) return null;
    const wording = renderEmailWording({ subject, body }, exampleInquiryValues(brand.name));
    return { subject: `[Test] ${wording.subject}`, text: wording.text, html: wording.html, sender: brand.name };
  },
});
