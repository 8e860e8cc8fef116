import { z } from "zod";
import { optionalRecordId, requiredText } from "@/lib/fields";

/** An email a member writes to a lead's, a job's or a client's own page: exactly one of the three. */
export const sendComposedEmailSchema = z
  .object({
    leadId: optionalRecordId,
    jobId: optionalRecordId,
    contactId: optionalRecordId,
    subject: requiredText("a subject", 200),
    body: requiredText("a message", 10_000),
  })
  .refine((v) => [v.leadId, v.jobId, v.contactId].filter(Boolean).length === 1, {
    path: ["body"],
    message: "Write from a lead's, a job's or a client's page.",
  });
export type SendComposedEmailInput = z.infer<typeof sendComposedEmailSchema>;
