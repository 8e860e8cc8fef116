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

/**
 * The proposal form: line items arrive as parallel columns (lib/line-items.ts), amounts typed in
 * the studio's locale. The item checks run even when another field failed, so every message shows at once.
 */
export const createProposalSchema = z
  .object({
    jobId: recordId,
    title: requiredText("a title, such as Wedding Collection", 120),
    description: lineItemColumns.description,
    quantity: lineItemColumns.quantity,
    unitPrice: lineItemColumns.unitPrice,
    deposit: z.string().trim().max(30, "Enter the deposit as an amount.").optional(),
    ...moneyFormatFields,
    expiresOn: dayKeyField,
  })
  .superRefine(
    (v, ctx) => {
      for (const issue of readProposalAmounts(v).issues)
        ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    },
    // Items are read only with a known money format; other fields' errors still show beside them.
    { when: (payload) => moneyFormatOf(payload.value) !== null },
  )
  .transform((v) => {
    const { items, depositCents } = readProposalAmounts(v);
    return {
      jobId: v.jobId,
      title: v.title,
      items,
      depositCents,
      expiresOn: v.expiresOn,
      money: { currency: v.currency, locale: v.locale },
    };
  });
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

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
