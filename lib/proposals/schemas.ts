import { z } from "zod";
import { dayKeyField, recordId, requiredText } from "@/lib/fields";
import { formatCents, MAX_CENTS, parseMoney, proposalTotalCents } from "@/lib/proposals/money";

export const MAX_LINE_ITEMS = 50;

const column = z.array(z.string().max(1000, "That value is too long.")).max(MAX_LINE_ITEMS, `Use at most ${MAX_LINE_ITEMS} line items.`).default([]);

export type LineItem = { description: string; quantity: number; unitPriceCents: number };

/** The error key of one cell of the line-item table, e.g. "items.2.unitPrice". */
export const itemErrorKey = (row: number, field: "description" | "quantity" | "unitPrice") => `items.${row}.${field}`;

type Issue = { path: string; message: string };

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Line items from parallel columns; blank rows are skipped, every bad cell is reported. */
function readLineItems(raw: { description?: unknown; quantity?: unknown; unitPrice?: unknown; deposit?: unknown }) {
  const [descriptions, quantities, prices] = [asStrings(raw.description), asStrings(raw.quantity), asStrings(raw.unitPrice)];
  const items: LineItem[] = [];
  const issues: Issue[] = [];
  const rows = Math.max(descriptions.length, quantities.length, prices.length);
  for (let row = 0; row < rows; row++) {
    const description = (descriptions[row] ?? "").trim();
    const quantityText = (quantities[row] ?? "").trim();
    const priceText = (prices[row] ?? "").trim();
    if (!description && !priceText && (!quantityText || quantityText === "1")) continue;
    const issue = (field: "description" | "quantity" | "unitPrice", message: string) => issues.push({ path: itemErrorKey(row, field), message });
    if (!description) issue("description", "Describe this item.");
    else if (description.length > 200) issue("description", "Use at most 200 characters.");
    const quantity = quantityText === "" ? 1 : Number(quantityText);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) issue("quantity", "Enter a whole number from 1 to 999.");
    const unitPriceCents = parseMoney(priceText);
    if (unitPriceCents === null) issue("unitPrice", "Enter a price such as 1500 or 1,500.00.");
    else if (unitPriceCents > MAX_CENTS) issue("unitPrice", "Enter a price up to $1,000,000.");
    items.push({ description, quantity, unitPriceCents: unitPriceCents ?? 0 });
  }
  if (items.length === 0) issues.push({ path: "items", message: "Add at least one line item." });
  const depositText = typeof raw.deposit === "string" ? raw.deposit.trim() : "";
  const depositCents = depositText ? parseMoney(depositText) : 0;
  const total = proposalTotalCents(items);
  if (depositCents === null) issues.push({ path: "deposit", message: "Enter an amount such as 500 or 500.00." });
  else if (depositCents > MAX_CENTS) issues.push({ path: "deposit", message: "Enter an amount up to $1,000,000." });
  else if (items.length > 0 && depositCents > total) issues.push({ path: "deposit", message: `The deposit cannot be more than the total (${formatCents(total)}).` });
  return { items, depositCents: depositCents ?? 0, issues };
}

/**
 * The proposal form: line items arrive as parallel `description[]`, `quantity[]`, `unitPrice[]`
 * columns. The item checks run even when another field failed, so every message shows at once.
 */
export const createProposalSchema = z
  .object({
    jobId: recordId,
    title: requiredText("a title, such as Wedding Collection", 120),
    description: column,
    quantity: column,
    unitPrice: column,
    deposit: z.string().trim().max(20, "Enter an amount such as 500 or 500.00.").optional(),
    expiresOn: dayKeyField,
  })
  .superRefine(
    (v, ctx) => {
      for (const issue of readLineItems(v).issues) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
    },
    { when: () => true },
  )
  .transform((v) => {
    const { items, depositCents } = readLineItems(v);
    return { jobId: v.jobId, title: v.title, items, depositCents, expiresOn: v.expiresOn };
  });
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

export const sendProposalSchema = z.object({ proposalId: recordId });

/** A client-access token from the URL: 32 random bytes, base64url (older tokens may be shorter). */
export const proposalToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, "That link is not valid.");

export const respondToProposalSchema = z.object({ token: proposalToken, decision: z.enum(["accept", "decline"], { error: "Choose accept or decline." }) });
