const MONEY = /^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
export const MAX_CENTS = 100_000_000; // $1,000,000 per amount

/** "1,250.50" or "$1250" to cents; null when it is not an amount of money. */
export function parseMoney(text: string): number | null {
  const trimmed = text.trim();
  if (!MONEY.test(trimmed)) return null;
  const [whole, fraction = ""] = trimmed.replace(/[$,\s]/g, "").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

export function proposalTotalCents(items: { quantity: number; unitPriceCents: number }[]): number {
  return items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0);
}
