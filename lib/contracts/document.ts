import { type Db, type Tx } from "@/lib/db";
import { customFieldsOf, renderTemplate, type RenderedTemplate } from "@/lib/templates/engine";
import { customFieldLabel, customFieldName } from "@/lib/templates/fields";
import { buildJobTemplateValues } from "@/lib/templates/job-values";

/** The photographer's custom values as stored (JSON) back to strings; anything else is dropped. */
export function readCustomValues(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The custom fields a draft uses, with their labels and current values, for the form. */
export function customFieldInputs(body: string, customValues: unknown) {
  const values = readCustomValues(customValues);
  return customFieldsOf(body).map((key) => ({ key, label: customFieldLabel(customFieldName(key)), value: values[key] ?? "" }));
}

/** A contract's copy rendered with its job's current values and its custom values. */
export async function renderContractDraft(
  db: Db | Tx,
  contract: { studioId: string; jobId: string; proposalId: string | null; body: string; customValues: unknown },
  now = new Date(),
): Promise<RenderedTemplate> {
  const values = await buildJobTemplateValues(db, { studioId: contract.studioId, jobId: contract.jobId, proposalId: contract.proposalId, now });
  return renderTemplate(contract.body, { context: "job", values: { ...values, ...readCustomValues(contract.customValues) } });
}
