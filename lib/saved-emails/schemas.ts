import { z } from "zod";
import { recordId, requiredText } from "@/lib/fields";
import { type TemplateContextName } from "@/lib/templates/fields";

// Browser-safe: the saved email form reads the labels.

export const SAVED_EMAIL_FOR = ["JOB", "LEAD", "CLIENT"] as const;
export type SavedEmailFor = (typeof SAVED_EMAIL_FOR)[number];
export const SAVED_EMAIL_FOR_LABELS: Record<SavedEmailFor, string> = {
  JOB: "A job's client",
  LEAD: "An inquiry",
  CLIENT: "A client, from their page",
};

const CONTEXTS = { JOB: "job", LEAD: "inquiry", CLIENT: "client" } as const satisfies Record<
  SavedEmailFor,
  TemplateContextName
>;

/** The smart fields of an email written to a job's client, an inquiry, or a client from their page. */
export const savedEmailContext = (about: SavedEmailFor): TemplateContextName => CONTEXTS[about];

/** A saved email as its form sends it. */
export const createSavedEmailSchema = z.object({
  name: requiredText("a name", 120),
  about: z.enum(SAVED_EMAIL_FOR, { error: "Choose whom it is written to." }),
  subject: requiredText("a subject", 200),
  body: requiredText("a message", 10_000),
});
export type CreateSavedEmailInput = z.infer<typeof createSavedEmailSchema>;

export const updateSavedEmailSchema = createSavedEmailSchema.extend({ savedEmailId: recordId });
export type UpdateSavedEmailInput = z.infer<typeof updateSavedEmailSchema>;

export const savedEmailIdSchema = z.object({ savedEmailId: recordId });
