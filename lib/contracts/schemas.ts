import { z } from "zod";
import { checkboxField, linkTokenField, optionalRecordId, personName, recordId, requiredText } from "@/lib/fields";
import { validateTemplate } from "@/lib/templates/engine";
import { CUSTOM_PREFIX } from "@/lib/templates/fields";
import { sanitizeTemplateHtml } from "@/lib/templates/html";
import { type ContractStatus } from "@/prisma/generated/prisma/enums";

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  VIEWED: "Viewed",
  SIGNED: "Signed by client",
  COUNTERSIGNED: "Fully signed",
  VOIDED: "Voided",
};

/** Days a contract link works after it is sent; re-sending issues a fresh link. */
export const CONTRACT_LINK_DAYS = 30;
export const MAX_TEMPLATE_CHARS = 100_000;
const MAX_CUSTOM_VALUE = 500;

/** Template or contract text: sanitized, then every field checked; each problem is a message beside the editor. */
const templateBody = z
  .string({ error: "Write the contract text." })
  .max(MAX_TEMPLATE_CHARS, `Keep the text under ${MAX_TEMPLATE_CHARS.toLocaleString("en-US")} characters.`)
  .transform(sanitizeTemplateHtml)
  .superRefine((body, ctx) => {
    if (!body.replace(/<[^>]*>/g, "").trim()) {
      ctx.addIssue({ code: "custom", message: "Write the contract text." });
      return;
    }
    for (const issue of validateTemplate(body, "job")) ctx.addIssue({ code: "custom", message: issue.message });
  });

const brandChoice = optionalRecordId;

export const createContractTemplateSchema = z.object({
  name: requiredText("a name, such as Wedding Agreement", 120),
  brandId: brandChoice,
  body: templateBody,
});
export type CreateContractTemplateInput = z.infer<typeof createContractTemplateSchema>;

export const updateContractTemplateSchema = createContractTemplateSchema.extend({ templateId: recordId });
export type UpdateContractTemplateInput = z.infer<typeof updateContractTemplateSchema>;

export const createContractSchema = z.object({
  jobId: recordId,
  templateId: z
    .string({ error: "Choose a template." })
    .trim()
    .min(1, "Choose a template.")
    .max(64, "Choose a template."),
});
export type CreateContractInput = z.infer<typeof createContractSchema>;

const column = z
  .array(z.string().max(MAX_CUSTOM_VALUE, `Use at most ${MAX_CUSTOM_VALUE} characters.`))
  .max(50)
  .default([]);

/**
 * The draft's editable copy. Custom values arrive as parallel `customKey[]` / `customValue[]`
 * columns and come out as `{ "custom.<name>": value }`; an empty one is allowed while drafting.
 */
export const updateContractSchema = z
  .object({
    contractId: recordId,
    title: requiredText("a title, such as Wedding Photography Agreement", 160),
    body: templateBody,
    proposalId: optionalRecordId,
    customKey: column,
    customValue: column,
  })
  .transform(({ customKey, customValue, ...rest }) => ({
    ...rest,
    customValues: Object.fromEntries(
      customKey.flatMap((key, i) => (key.startsWith(CUSTOM_PREFIX) ? [[key, (customValue[i] ?? "").trim()]] : [])),
    ) as Record<string, string>,
  }));
export type UpdateContractInput = z.infer<typeof updateContractSchema>;

export const contractIdSchema = z.object({ contractId: recordId });

export const countersignContractSchema = z.object({
  contractId: recordId,
  name: personName,
  consent: z.literal("on", { error: "Tick the box to agree to sign electronically." }),
});

/** A contract link's token from the URL or the form: 32 random bytes, base64url. */
export const contractToken = linkTokenField("That link is not valid.");

const MAX_SIGNATURE_CHARS = 400_000;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/** The client's signature: typed full legal name, consent, and an optional drawn PNG. */
export const clientSignatureFields = {
  documentHash: z.string().regex(/^[0-9a-f]{64}$/, "Reload the page and sign again."),
  name: requiredText("your full legal name", 120),
  consent: z.literal("on", { error: "Tick the box to agree to sign electronically." }),
  signature: z
    .string()
    .max(MAX_SIGNATURE_CHARS, "That drawing is too large. Clear it and draw a simpler signature.")
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || PNG_DATA_URL.test(v), "That drawing could not be read. Clear it and draw again."),
};

export const signContractSchema = z.object({ token: contractToken, ...clientSignatureFields });
export type SignContractInput = z.infer<typeof signContractSchema>;

export const viewContractSchema = z.object({ token: contractToken });

export const updateContractSettingsSchema = z.object({
  countersignAutomatically: checkboxField,
  contractReminderDays: z.coerce
    .number({ error: "Enter a number of days from 1 to 60." })
    .int("Enter a whole number of days from 1 to 60.")
    .min(1, "Enter a number of days from 1 to 60.")
    .max(60, "Enter a number of days from 1 to 60."),
});

export const compareVersionsSchema = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
