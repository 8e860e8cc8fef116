import { z } from "zod";
import {
  dayKeyField,
  linkTokenField,
  moneyFormatFields,
  moneyFormatOf,
  readAmount,
  recordId,
  requiredText,
} from "@/lib/fields";
import { lineItemColumns, readLineItems } from "@/lib/line-items";
import { computeTotals, formatMoney } from "@/lib/money";

/** Items, deposit and the issues found in them, read with the studio's money format. */
function readProposalAmounts(raw: {
  description?: unknown;
  quantity?: unknown;
  unitPrice?: unknown;
  deposit?: unknown;
  currency: string;
  locale: string;
}) {
  const format = { currency: raw.currency, locale: raw.locale };
  const { items, issues } = readLineItems({ ...raw, taxRate: [] }, format);
  const depositText = typeof raw.deposit === "string" ? raw.deposit.trim() : "";
  const deposit = depositText ? readAmount(depositText, format) : { minor: 0 };
  const total = computeTotals(items).totalMinor;
  if ("error" in deposit) issues.push({ path: "deposit", message: deposit.error });
  else if (items.length > 0 && deposit.minor > total)
    issues.push({
      path: "deposit",
      message: `The deposit cannot be more than the total (${formatMoney(total, format)}).`,
    });
  return { items, depositCents: "minor" in deposit ? deposit.minor : 0, issues };
}

const proposalFormFields = {
  title: requiredText("a title, such as Wedding Collection", 120),
  description: lineItemColumns.description,
  quantity: lineItemColumns.quantity,
  unitPrice: lineItemColumns.unitPrice,
  deposit: z.string().trim().max(30, "Enter the deposit as an amount.").optional(),
  ...moneyFormatFields,
  expiresOn: dayKeyField,
};

type RawProposalForm = {
  title: string;
  description: string[];
  quantity: string[];
  unitPrice: string[];
  deposit?: string;
  currency: string;
  locale: string;
  expiresOn: string;
};

// The item checks run even when another field failed, so every message shows at once; items are
// read only with a known money format.
const checkAmounts = [
  (v: RawProposalForm, ctx: z.RefinementCtx) => {
    for (const issue of readProposalAmounts(v).issues)
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  },
  { when: (payload: { value: unknown }) => moneyFormatOf(payload.value) !== null },
] as const;

function toProposal(v: RawProposalForm) {
  const { items, depositCents } = readProposalAmounts(v);
  return {
    title: v.title,
    items,
    depositCents,
    expiresOn: v.expiresOn,
    money: { currency: v.currency, locale: v.locale },
  };
}

/**
 * The proposal form: line items arrive as parallel columns (lib/line-items.ts), amounts typed in
 * the studio's locale; the form is about a job (a new proposal) or a draft being edited.
 */
export const createProposalSchema = z
  .object({ jobId: recordId, ...proposalFormFields })
  .superRefine(...checkAmounts)
  .transform((v) => ({ jobId: v.jobId, ...toProposal(v) }));
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

/** A draft's title, items, deposit and expiry; a sent proposal is what the client saw and stays as it is. */
export const updateProposalSchema = z
  .object({ proposalId: recordId, ...proposalFormFields })
  .superRefine(...checkAmounts)
  .transform((v) => ({ proposalId: v.proposalId, ...toProposal(v) }));
export type UpdateProposalInput = z.infer<typeof updateProposalSchema>;

export const sendProposalSchema = z.object({ proposalId: recordId });

/** A client-access token from the URL: 32 random bytes, base64url (older tokens may be shorter). */
export const proposalToken = linkTokenField("That link is not valid.");

/**
 * The client's answer. A proposal that carries a contract is accepted by signing it too: the
 * signature fields travel along and are checked where the contract is known (lib/contracts).
 */
export const respondToProposalSchema = z
  .object({
    token: proposalToken,
    decision: z.enum(["accept", "decline"], { error: "Choose accept or decline." }),
    documentHash: z.string().max(100).optional(),
    name: z.string().max(200).optional(),
    consent: z.string().max(10).optional(),
    signature: z.string().max(500_000).optional(),
  })
  .transform(({ token, decision, ...signature }) => ({ token, decision, signature }));
