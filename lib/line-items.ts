import { z } from "zod";
import { readAmount } from "@/lib/fields";
import { parsePercent, type MoneyFormat } from "@/lib/money";

// The line-item table of proposals and invoices: rows arrive as parallel columns
// (`description[]`, `quantity[]`, `unitPrice[]`, `taxRate[]`); blank rows are skipped and every
// bad cell is reported under its own key, so the form shows each message beside its cell.

export const MAX_LINE_ITEMS = 50;

export type LineItem = { description: string; quantity: number; unitPriceMinor: number; taxRateBps: number };

export type LineItemField = "description" | "quantity" | "unitPrice" | "taxRate";

/** The error key of one cell, e.g. "items.2.unitPrice". */
export const itemErrorKey = (row: number, field: LineItemField) => `items.${row}.${field}`;

const column = z
  .array(z.string().max(1000, "That value is too long."))
  .max(MAX_LINE_ITEMS, `Use at most ${MAX_LINE_ITEMS} line items.`)
  .default([]);

/** The zod shape of the table's columns, for a form schema to extend. */
export const lineItemColumns = { description: column, quantity: column, unitPrice: column, taxRate: column };

export type LineItemIssue = { path: string; message: string };

const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

export function readLineItems(
  raw: { description?: unknown; quantity?: unknown; unitPrice?: unknown; taxRate?: unknown },
  format: MoneyFormat,
): { items: LineItem[]; issues: LineItemIssue[] } {
  const [descriptions, quantities, prices, rates] = [
    asStrings(raw.description),
    asStrings(raw.quantity),
    asStrings(raw.unitPrice),
    asStrings(raw.taxRate),
  ];
  const items: LineItem[] = [];
  const issues: LineItemIssue[] = [];
  const rows = Math.max(descriptions.length, quantities.length, prices.length);
  for (let row = 0; row < rows; row++) {
    const description = (descriptions[row] ?? "").trim();
    const quantityText = (quantities[row] ?? "").trim();
    const priceText = (prices[row] ?? "").trim();
    const rateText = (rates[row] ?? "").trim();
    if (!description && !priceText && (!quantityText || quantityText === "1")) continue;
    const issue = (field: LineItemField, message: string) => issues.push({ path: itemErrorKey(row, field), message });
    if (!description) issue("description", "Describe this item.");
    else if (description.length > 200) issue("description", "Use at most 200 characters.");
    const quantity = quantityText === "" ? 1 : Number(quantityText);
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999)
      issue("quantity", "Enter a whole number from 1 to 999.");
    const price = readAmount(priceText, format);
    if ("error" in price) issue("unitPrice", price.error.replace("an amount", "a price"));
    const taxRateBps = rateText === "" ? 0 : parsePercent(rateText, format);
    if (taxRateBps === null) issue("taxRate", "Enter a tax rate from 0 to 100, such as 8.25.");
    items.push({
      description,
      quantity,
      unitPriceMinor: "minor" in price ? price.minor : 0,
      taxRateBps: taxRateBps ?? 0,
    });
  }
  if (items.length === 0) issues.push({ path: "items", message: "Add at least one line item." });
  return { items, issues };
}
