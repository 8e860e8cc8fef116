import { z } from "zod";
import { patchSchema } from "@/lib/api/patch";
import { email, optionalPhone, optionalText, personName, recordId } from "@/lib/fields";
import { pageParams, searchText } from "@/lib/search-params";

const optionalEmail = z
  .string()
  .trim()
  .max(254, "That email address is too long.")
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || email.safeParse(v).success, "Enter a valid email address.")
  .transform((v) => (v === null ? null : email.parse(v)));

export const updateContactSchema = z.object({
  contactId: recordId,
  name: personName,
  email: optionalEmail,
  phone: optionalPhone,
  address: optionalText(500),
  notes: optionalText(5000),
});
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

/** An API edit: the client edit form's fields, any of them (the id is the URL's). */
export const patchContactSchema = patchSchema(updateContactSchema.omit({ contactId: true }).shape);

export const mergeContactsSchema = z.object({
  contactId: recordId,
  duplicateId: z
    .string({ error: "Choose the duplicate to merge." })
    .trim()
    .min(1, "Choose the duplicate to merge.")
    .max(64, "Choose the duplicate to merge."),
});
export type MergeContactsInput = z.infer<typeof mergeContactsSchema>;

/** The list's URL: anything unexpected falls back to the default instead of failing the page. */
export const contactListParams = z.object({ q: searchText, ...pageParams });
