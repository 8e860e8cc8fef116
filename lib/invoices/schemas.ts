import { z } from "zod";
import {
  checkboxField,
  dayKeyField,
  linkTokenField,
  moneyFormatFields,
  moneyFormatOf,
  optionalRecordId,
  optionalText,
  readAmount,
  recordId,
  requiredText,
} from "@/lib/fields";
import { lineItemColumns, readLineItems, type LineItemIssue } from "@/lib/line-items";
import { computeTotals, formatMoney, type MoneyFormat } from "@/lib/money";
import { pageParams, searchParam } from "@/lib/search-params";
import { type InvoiceStatus } from "@/prisma/generated/prisma/enums";

export const INVOICE_VIEWS = {
  all: "All",
  due: "Due",
  overdue: "Overdue",
  paid: "Paid",
  draft: "Drafts",
  void: "Void",
} as const;
export type InvoiceView = keyof typeof INVOICE_VIEWS;

/** The /invoices URL: a view and keyset cursors; anything unknown reads as the first page of all. */
export const invoiceListParams = z.object({
  view: searchParam
    .pipe(z.enum(Object.keys(INVOICE_VIEWS) as [InvoiceView, ...InvoiceView[]]).default("all"))
    .catch("all"),
  ...pageParams,
});

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  PARTIALLY_PAID: "Partly paid",
  PAID: "Paid",
  VOID: "Void",
};

const amountText = z.string().trim().max(30, "Enter an amount.").optional();

type InvoiceFormRaw = {
  description?: unknown;
  quantity?: unknown;
  unitPrice?: unknown;
  taxRate?: unknown;
  discount?: string;
  retainer?: string;
  currency: string;
  locale: string;
};

/** Lines, discount and retainer of the invoice form, with every issue found in them. */
function readInvoiceAmounts(raw: InvoiceFormRaw) {
  const money: MoneyFormat = { currency: raw.currency, locale: raw.locale };
  const { items, issues } = readLineItems(raw, money);
  const optionalAmount = (path: string, text = ""): number => {
    if (!text.trim()) return 0;
    const amount = readAmount(text, money);
    if ("error" in amount) issues.push({ path, message: amount.error });
    return "minor" in amount ? amount.minor : 0;
  };
  const discountMinor = optionalAmount("discount", raw.discount);
  const depositMinor = optionalAmount("retainer", raw.retainer);
  const totals = computeTotals(items, { discountMinor });
  const extra: LineItemIssue[] = [];
  if (items.length > 0 && discountMinor > totals.subtotalMinor)
    extra.push({
      path: "discount",
      message: `The discount cannot be more than the items (${formatMoney(totals.subtotalMinor, money)}).`,
    });
  if (items.length > 0 && depositMinor > totals.totalMinor)
    extra.push({
      path: "retainer",
      message: `The retainer cannot be more than the total (${formatMoney(totals.totalMinor, money)}).`,
    });
  return { items, discountMinor, depositMinor, money, issues: [...issues, ...extra] };
}

const invoiceFields = {
  title: requiredText("a title, such as Wedding Collection", 120),
  ...lineItemColumns,
  discount: amountText,
  retainer: amountText,
  /** A payment schedule template, or empty for the built-in one. */
  scheduleId: optionalRecordId,
  note: optionalText(1000),
  ...moneyFormatFields,
};

function withAmounts<T extends z.ZodObject<typeof invoiceFields & z.ZodRawShape>>(schema: T) {
  return schema
    .superRefine(
      (v, ctx) => {
        for (const issue of readInvoiceAmounts(v as InvoiceFormRaw).issues)
          ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
      },
      // Amounts are read only with a known money format; other fields' errors still show.
      { when: (payload) => moneyFormatOf(payload.value) !== null },
    )
    .transform((v) => {
      const { items, discountMinor, depositMinor, money } = readInvoiceAmounts(v as InvoiceFormRaw);
      const raw = v as z.infer<T> & { title: string; scheduleId?: string; note: string | null };
      return { ...raw, lines: items, discountMinor, depositMinor, money, scheduleId: raw.scheduleId ?? null };
    });
}

/** An invoice typed by hand on a job: lines with tax, a discount, an optional retainer, a schedule. */
export const createInvoiceSchema = withAmounts(z.object({ jobId: recordId, ...invoiceFields }));
export type CreateInvoiceInput = z.infer<typeof createInvoiceSchema>;

/** The same form, changing a draft. */
export const updateInvoiceSchema = withAmounts(z.object({ invoiceId: recordId, ...invoiceFields }));
export type UpdateInvoiceInput = z.infer<typeof updateInvoiceSchema>;

export const createInvoiceFromProposalSchema = z.object({ proposalId: recordId });

export const invoiceIdSchema = z.object({ invoiceId: recordId });

export const voidInvoiceSchema = z.object({ invoiceId: recordId, reissue: checkboxField });

export const PAYMENT_METHODS = {
  CHECK: "Check",
  CASH: "Cash",
  BANK_TRANSFER: "Bank transfer",
  CARD: "Card",
  OTHER: "Other",
} as const;

/** A payment or refund the photographer records by hand. */
export const recordPaymentSchema = z
  .object({
    invoiceId: recordId,
    kind: z.enum(["PAYMENT", "REFUND"], { error: "Choose payment or refund." }).default("PAYMENT"),
    method: z.enum(Object.keys(PAYMENT_METHODS) as [keyof typeof PAYMENT_METHODS], {
      error: "Choose how it was paid.",
    }),
    amount: z.string({ error: "Enter the amount." }).trim().min(1, "Enter the amount.").max(30, "Enter an amount."),
    receivedOn: dayKeyField,
    reference: optionalText(80),
    note: optionalText(500),
    ...moneyFormatFields,
  })
  .superRefine(
    (v, ctx) => {
      const amount = readAmount(v.amount, v);
      if ("error" in amount) ctx.addIssue({ code: "custom", path: ["amount"], message: amount.error });
      else if (amount.minor === 0)
        ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount above zero." });
    },
    { when: (payload) => moneyFormatOf(payload.value) !== null },
  )
  .transform(({ amount, currency, locale, ...rest }) => {
    const read = readAmount(amount, { currency, locale });
    return { ...rest, amountMinor: "minor" in read ? read.minor : 0, money: { currency, locale } };
  });
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;

/** A client's invoice link from the URL: 32 random bytes, base64url. */
export const invoiceToken = linkTokenField("That link is not valid.");

/** The client starts a card payment of one installment, or of the whole balance. */
export const startCheckoutSchema = z.object({ token: invoiceToken, installmentId: optionalRecordId });
