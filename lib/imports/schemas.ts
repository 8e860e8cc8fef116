import { z } from "zod";
import { email, optionalPhone, optionalText, personName, recordId } from "@/lib/fields";
import { createLeadSchema } from "@/lib/leads/schemas";
import { IMPORT_FIELDS } from "@/lib/imports/fields";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/imports/csv";
import { ImportKind } from "@/prisma/generated/prisma/enums";

export const importKindField = z.enum(ImportKind, { error: "Choose clients or leads." });

export const uploadImportSchema = z.object({
  kind: importKindField,
  file: z
    .instanceof(File, { error: "Choose a CSV file." })
    .refine((f) => f.size > 0, "Choose a CSV file: this one is empty.")
    .refine(
      (f) => f.size <= MAX_IMPORT_BYTES,
      `The file is larger than ${MAX_IMPORT_LABEL}: split it into smaller files.`,
    ),
});
export type UploadImportInput = z.infer<typeof uploadImportSchema>;

/** The mapping step's form: one select per column, named `column[]`, each a field or "". */
export const importMappingSchema = z.object({
  importId: recordId,
  column: z
    .array(z.union([z.literal(""), z.enum(Object.keys(IMPORT_FIELDS) as [keyof typeof IMPORT_FIELDS])]), {
      error: "Choose a field for each column.",
    })
    .max(500, "The file has too many columns."),
});
export type ImportMappingInput = z.infer<typeof importMappingSchema>;

export const importIdSchema = z.object({ importId: recordId });

/** A client row: the same rules as the client form. */
export const importClientSchema = z.object({
  name: personName,
  email,
  phone: optionalPhone,
  address: optionalText(500),
  notes: optionalText(5000),
});

/** A lead row: the lead form's rules, plus where the lead came from. */
export const importLeadSchema = createLeadSchema.extend({ source: optionalText(60) });

/** The import list's URL: which kind the upload form offers first. */
export const importListParams = z.object({
  kind: z
    .string()
    .optional()
    .transform((v) => (v?.toUpperCase() === "LEADS" ? ImportKind.LEADS : ImportKind.CLIENTS))
    .catch(ImportKind.CLIENTS),
});
