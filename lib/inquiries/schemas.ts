import { z } from "zod";
import { optionalRecordId } from "@/lib/fields";
import { leadFields } from "@/lib/leads/schemas";

/** The honeypot's name: hidden from people, tempting to form-filling bots. */
export const HONEYPOT_FIELD = "website";

export const submitInquirySchema = z.object({
  ...leadFields,
  brandId: optionalRecordId,
  [HONEYPOT_FIELD]: z.string().max(2000).optional().catch("filled"),
});
export type SubmitInquiryInput = z.infer<typeof submitInquirySchema>;

/** The window of the inquiry limit; how many fit in it is INQUIRY_LIMIT_PER_HOUR (lib/env.ts). */
export const INQUIRY_LIMIT_WINDOW_SECONDS = 60 * 60;
