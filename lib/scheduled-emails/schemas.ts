import { z } from "zod";
import { dayKeyField, recordId, requiredText } from "@/lib/fields";

/** A scheduled email's wording and day, as the job's workflow page edits it. */
export const updateScheduledEmailSchema = z.object({
  scheduledEmailId: recordId,
  subject: requiredText("a subject", 200),
  body: requiredText("a message", 10_000),
  sendOn: dayKeyField,
});
export type UpdateScheduledEmailInput = z.infer<typeof updateScheduledEmailSchema>;

/** Skip or "Send now": the one email. */
export const scheduledEmailIdSchema = z.object({ scheduledEmailId: recordId });

/** Why a scheduled email did not go when its job was cancelled (applying, cancelling, sending). */
export const JOB_CANCELLED_NOTE = "The job was cancelled.";
