import { formatDateTime } from "@/lib/calendar/zoned";
import { sha256 } from "@/lib/contracts/audit";
import { type Reader } from "@/lib/reader";
import { renderTemplate, type RenderedTemplate } from "@/lib/templates/engine";
import { customFieldsOf } from "@/lib/templates/parse";
import { customFieldLabel, customFieldName } from "@/lib/templates/fields";
import { buildJobTemplateValues } from "@/lib/templates/job-values";

/** The client has signed it (and perhaps the studio too): its PDF exists and nothing more is asked. */
export const isSignedByClient = (status: string) => status === "SIGNED" || status === "COUNTERSIGNED";

/** The photographer's custom values as stored (JSON) back to strings; anything else is dropped. */
export function readCustomValues(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The custom fields a draft uses, with their labels and current values, for the form. */
export function customFieldInputs(body: string, customValues: unknown) {
  const values = readCustomValues(customValues);
  return customFieldsOf(body).map((key) => ({
    key,
    label: customFieldLabel(customFieldName(key)),
    value: values[key] ?? "",
  }));
}

/** A contract's copy rendered with its job's current values and its custom values. */
export async function renderContractDraft(
  db: Reader,
  contract: { studioId: string; jobId: string; proposalId: string | null; body: string; customValues: unknown },
  now = new Date(),
): Promise<RenderedTemplate> {
  const values = await buildJobTemplateValues(db, {
    studioId: contract.studioId,
    jobId: contract.jobId,
    proposalId: contract.proposalId,
    now,
  });
  return renderTemplate(contract.body, {
    context: "job",
    values: { ...values, ...readCustomValues(contract.customValues) },
  });
}

export const CONTRACT_LINK_NOT_VALID =
  "This contract link is not valid. Please use the latest link the studio emailed you.";

/** Why this contract cannot be signed now, in words for the client; null when it can. */
export function whyUnsignable(
  contract: {
    status: string;
    html: string | null;
    documentHash: string | null;
    linkExpiresAt: Date | null;
    signedAt: Date | null;
    studioName: string;
    timeZone: string;
  },
  now = new Date(),
): string | null {
  if (contract.status === "VOIDED")
    return `This contract was voided by ${contract.studioName} and can no longer be signed.`;
  if (isSignedByClient(contract.status)) {
    return `This contract was already signed${contract.signedAt ? ` on ${formatDateTime(contract.signedAt, contract.timeZone)}` : ""}. Nothing more is needed from you.`;
  }
  if (contract.status === "DRAFT" || !contract.html || !contract.documentHash) return CONTRACT_LINK_NOT_VALID;
  if (contract.linkExpiresAt && contract.linkExpiresAt <= now)
    return `This link has expired. Ask ${contract.studioName} to send the contract again.`;
  if (sha256(contract.html) !== contract.documentHash)
    return `This contract was changed after it was sent, so it cannot be signed. Please contact ${contract.studioName}.`;
  return null;
}
