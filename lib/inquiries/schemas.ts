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

export const INQUIRY_LIMIT = { max: 5, windowSeconds: 60 * 60 } as const;
