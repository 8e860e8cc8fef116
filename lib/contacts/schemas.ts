import { z } from "zod";
import { email } from "@/lib/studios/schemas";

// Form fields shared by the pipeline's forms. FormData sends "" for an empty input, so optional
// text becomes null rather than an empty string.

export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Use at most ${max} characters.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);

/** An id from a URL or a hidden field: only its shape is checked; lookups prove it is ours. */
export const recordId = z.string({ error: "That item was not found." }).trim().min(1, "That item was not found.").max(64, "That item was not found.");

export const optionalRecordId = z
  .string()
  .trim()
  .max(64, "That item was not found.")
  .optional()
  .transform((v) => v || undefined);

export const contactName = requiredText("a name", 120);
export const contactEmail = email;
export const contactPhone = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters.")
  .regex(/^[0-9+().\-\s/x]*$/i, "Use digits, spaces and + ( ) - only.")
  .optional()
  .transform((v) => v || null);

export const contactSchema = z.object({ name: contactName, email: contactEmail, phone: contactPhone });
export type ContactInput = z.infer<typeof contactSchema>;
