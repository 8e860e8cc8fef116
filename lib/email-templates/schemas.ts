import { z } from "zod";
import { checkboxField, recordId, requiredText } from "@/lib/fields";

/** The inquiry auto-reply of one brand, as its settings form sends it. */
export const saveAutoReplySchema = z.object({
  brandId: recordId,
  isEnabled: checkboxField,
  subject: requiredText("a subject", 200),
  body: requiredText("the message", 5000),
});
export type SaveAutoReplyInput = z.infer<typeof saveAutoReplySchema>;

/** "Send me a test": the wording as typed in the brand's form, saved or not. */
export const testAutoReplySchema = saveAutoReplySchema.pick({ brandId: true, subject: true, body: true });
export type TestAutoReplyInput = z.infer<typeof testAutoReplySchema>;
