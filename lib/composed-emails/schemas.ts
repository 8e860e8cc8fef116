import { z } from "zod";
import { optionalRecordId, requiredText } from "@/lib/fields";

/** An email a member writes to a lead's or a job's client: exactly one of the two. */
export const sendComposedEmailSchema = z
  .object({
    leadId: optionalRecordId,
    jobId: optionalRecordId,
    subject: requiredText("a subject", 200),
    body: requiredText("a message", 10_000),
  })
  .refine((v) => Boolean(v.leadId) !== Boolean(v.jobId), {
    path: ["body"],
    message: "Write from a lead's or a job's page.",
  });
export type SendComposedEmailInput = z.infer<typeof sendComposedEmailSchema>;
