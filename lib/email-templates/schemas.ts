import { z } from "zod";
import { EDITABLE_EMAIL_KINDS } from "@/lib/email-templates/editable";
import { checkboxField, recordId, requiredText } from "@/lib/fields";

/** One brand's wording of an editable email (Settings → Emails), as its form sends it. */
export const saveEmailTemplateSchema = z.object({
  kind: z.enum(EDITABLE_EMAIL_KINDS, { error: "Choose which email this is." }),
  brandId: recordId,
  isEnabled: checkboxField,
  subject: requiredText("a subject", 200),
  body: requiredText("the message", 5000),
});
export type SaveEmailTemplateInput = z.infer<typeof saveEmailTemplateSchema>;

/** "Send me a test": the wording as typed in the brand's form, saved or not. */
export const testEmailTemplateSchema = saveEmailTemplateSchema.pick({
  kind: true,
  brandId: true,
  subject: true,
  body: true,
});
export type TestEmailTemplateInput = z.infer<typeof testEmailTemplateSchema>;
