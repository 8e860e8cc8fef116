import { z } from "zod";
import { email, optionalRecordId, recordId } from "@/lib/fields";
import { searchParam } from "@/lib/search-params";

export const createReferralSchema = z
  .object({
    leadId: optionalRecordId,
    jobId: optionalRecordId,
    toEmail: email,
    note: z
      .string()
      .trim()
      .max(2000, "Use at most 2,000 characters.")
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => Boolean(v.leadId) !== Boolean(v.jobId), {
    message: "Choose one lead or one job to refer.",
    path: ["toEmail"],
  });

export const respondToReferralSchema = z.object({
  referralId: recordId,
  decision: z.enum(["accept", "reject"], "Choose to accept or reject the referral."),
});

/**
 * The copy a referral carries: only what is referred, never an id or anything else of the
 * sender's studio. The receiver's lead is made from this and nothing more.
 */
export const referralSubjectSchema = z.object({
  clientName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  eventType: z.string(),
  eventDate: z.string().nullable(),
  message: z.string().nullable(),
});
export type ReferralSubject = z.infer<typeof referralSubjectSchema>;

export function readSubject(value: unknown): ReferralSubject | null {
  const parsed = referralSubjectSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** /referrals/new?leadId=… or ?jobId=…: what to refer. */
export const newReferralParams = z.object({
  leadId: searchParam.pipe(optionalRecordId).catch(undefined),
  jobId: searchParam.pipe(optionalRecordId).catch(undefined),
});
