// Money in ShootQ: integer minor units (cents, yen, fils) of one ISO 4217 currency, shown and
// typed in a BCP 47 locale. Every total, tax, discount and split is computed here, in integers,
// so what a page shows, what an invoice stores and what a client pays always agree to the unit.

export type MoneyFormat = { currency: string; locale: string };

export const DEFAULT_MONEY_FORMAT: MoneyFormat = { currency: "USD", locale: "en-US" };

/** The largest single amount ShootQ accepts, in major units (a million dollars, euros, yen...). */
export const MAX_MAJOR_AMOUNT = 1_000_000;

const formatters = new Map<string, Intl.NumberFormat>();
function cached(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

let currencies: Set<string> | undefined;

export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

export function isLocale(tag: string): boolean {
  try {
    return tag.length <= 35 && Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

/** Digits after the decimal point of `currency`: 2 for USD, 0 for JPY, 3 for BHD. */
export function minorDigits(currency: string): number {
  return cached("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The largest amount in minor units: MAX_MAJOR_AMOUNT of the currency. */
export function maxMinor(currency: string): number {
  return MAX_MAJOR_AMOUNT * 10 ** minorDigits(currency);
}

/** An integer of minor units as an exact decimal string: 123456 USD -> "1234.56". */
function decimalText(minor: number, digits: number): `${number}` {
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  return (digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`) as `${number}`;
}

/** The amount as a plain decimal in its currency, for files a spreadsheet reads: "1234.56", "1250" (JPY). */
export function formatDecimal(minor: number, currency: string): string {
  return decimalText(minor, minorDigits(currency));
}

/** "$1,250.00", "1.250,00 €", "¥1,250": the amount in the studio's currency and locale. */
export function formatMoney(minor: number, { currency, locale }: MoneyFormat): string {
  // A decimal string, not a float: Intl formats it exactly.
  return cached(locale, { style: "currency", currency }).format(decimalText(minor, minorDigits(currency)));
}

/** The amount as a form field shows it for editing: "1250.00" in en-US, "1250,00" in de-DE. */
export function formatMoneyInput(minor: number, { currency, locale }: MoneyFormat): string {
  const digits = minorDigits(currency);
  return cached(locale, { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    decimalText(minor, digits),
  );
}

/** "$", "€", "￥": the currency's sign as the locale writes it, for labels such as "Deposit ($)". */
export function currencySymbol({ currency, locale }: MoneyFormat): string {
  return (
    cached(locale, { style: "currency", currency })
      .formatToParts(0)
      .find((p) => p.type === "currency")?.value ?? currency
  );
}

/** What a typed amount looks like in this locale, for hints and messages: "1,500.00". */
export function moneyExample({ currency, locale }: MoneyFormat): string {
  const digits = minorDigits(currency);
  return cached(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(1500);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = cached(locale, { useGrouping: true }).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
}

/** "€", "US$", "￥" and "¥"...: the ways a currency's sign is written here and in English. */
function currencySymbols(currency: string, locale: string): string[] {
  const symbols = new Set<string>();
  for (const at of [locale, "en-US"]) {
    for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
      for (const part of cached(at, { style: "currency", currency, currencyDisplay }).formatToParts(1))
        if (part.type === "currency") symbols.add(part.value);
    }
  }
  // Longest first, so "US$" goes before "$" would leave "US" behind.
  return [...symbols].sort((a, b) => b.length - a.length);
}

const SPACES = /[\s\u00a0\u202f]/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A typed amount in the studio's locale to minor units: "1,250.50" or "$1250" in en-US,
 * "1.250,50" or "1250,5 €" in de-DE. Null when it is not an amount (negative, too many
 * decimals, misplaced separators): "1250.50" in de-DE is refused, never read as 125,050.
 */
export function parseMoney(text: string, { currency, locale }: MoneyFormat): number | null {
  const digits = minorDigits(currency);
  const { group, decimal } = separators(locale);
  // The currency's symbol or code may be typed on either side.
  let s = text.trim();
  for (const symbol of [currency, ...currencySymbols(currency, locale)]) s = s.split(symbol).join("");
  const spaceGroup = group.replace(SPACES, "") === "";
  s = s.replace(SPACES, spaceGroup ? " " : "");
  const groupChar = spaceGroup ? " " : group;
  const pattern = new RegExp(`^(\\d+(?:${escape(groupChar)}\\d+)*)(?:${escape(decimal)}(\\d+))?$`);
  const match = pattern.exec(s.trim());
  if (!match) return null;
  const [, wholeText, fraction = ""] = match;
  const runs = wholeText.split(groupChar);
  // Grouped digits come in threes (twos between, as in 12,34,567): anything else is a typo.
  if (runs.length > 1 && (runs.at(-1)!.length !== 3 || runs.slice(1, -1).some((r) => r.length < 2 || r.length > 3)))
    return null;
  if (fraction.length > digits) return null;
  const whole = runs.join("").replace(/^0+(?=\d)/, "");
  if (whole.length > 12) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** A typed percentage ("8.25", "8,25 %") to basis points (825); null when it is not one from 0 to 100. */
export function parsePercent(text: string, { locale }: Pick<MoneyFormat, "locale">): number | null {
  const { decimal } = separators(locale);
  const s = text.trim().replace(/%$/, "").trim();
  const match = new RegExp(`^(\\d{1,3})(?:[${escape(decimal)}.](\\d{1,2}))?$`).exec(s);
  if (!match) return null;
  const bps = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bps <= 10_000 ? bps : null;
}

/** Basis points as a percentage for display and forms: 825 -> "8.25", 700 -> "7". */
export function formatPercent(bps: number, { locale }: Pick<MoneyFormat, "locale">): string {
  return cached(locale, { maximumFractionDigits: 2, useGrouping: false }).format(bps / 100);
}

/** n × numerator / denominator in integers, rounded half away from zero. */
export function mulDivRound(n: number, numerator: number, denominator: number): number {
  const product = n * numerator;
  if (!Number.isSafeInteger(product)) throw new RangeError("amount too large");
  const sign = Math.sign(product) * Math.sign(denominator);
  const a = Math.abs(product);
  const d = Math.abs(denominator);
  const q = Math.floor(a / d);
  return sign * (2 * (a - q * d) >= d ? q + 1 : q);
}

/**
 * Splits `total` minor units in proportion to `weights` so the parts add up to `total` exactly
 * (largest remainder: each part is rounded down, and the units left over go to the parts that
 * lost the most, earliest first on ties). Weights are non-negative integers.
 */
export function allocate(total: number, weights: number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    // Nothing to weigh by: equal parts.
    return allocate(
      total,
      weights.map(() => 1),
    );
  }
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = weights.map((w) => {
    const product = abs * w;
    if (!Number.isSafeInteger(product)) throw new RangeError("amount too large");
    return { floor: Math.floor(product / sum), remainder: product % sum };
  });
  let left = abs - parts.reduce((a, p) => a + p.floor, 0);
  const order = parts.map((p, i) => ({ i, r: p.remainder })).sort((a, b) => b.r - a.r || a.i - b.i);
  const out = parts.map((p) => p.floor);
  for (const { i } of order) {
    if (left === 0) break;
    out[i]++;
    left--;
  }
  return out.map((v) => v * sign);
}

export type LineAmounts = { quantity: number; unitPriceMinor: number; taxRateBps?: number };

export type LineTotals = { subtotalMinor: number; discountMinor: number; taxMinor: number; totalMinor: number };

export type Totals = {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: LineTotals[];
};

/**
 * Totals of an invoice or proposal: each line's quantity × price, an invoice-wide discount
 * spread over the lines in proportion to their amounts (to the unit), then each line's tax on
 * what is left of it, rounded per line. Sum of lines = the totals, always.
 */
export function computeTotals(lines: LineAmounts[], { discountMinor = 0 }: { discountMinor?: number } = {}): Totals {
  const subtotals = lines.map((l) => l.quantity * l.unitPriceMinor);
  const subtotalMinor = subtotals.reduce((a, b) => a + b, 0);
  const discount = Math.max(0, Math.min(discountMinor, subtotalMinor));
  const discounts = allocate(discount, subtotals);
  const lineTotals = lines.map((line, i) => {
    const taxable = subtotals[i] - discounts[i];
    const taxMinor = mulDivRound(taxable, line.taxRateBps ?? 0, 10_000);
    return { subtotalMinor: subtotals[i], discountMinor: discounts[i], taxMinor, totalMinor: taxable + taxMinor };
  });
  const taxMinor = lineTotals.reduce((a, l) => a + l.taxMinor, 0);
  return {
    subtotalMinor,
    discountMinor: discount,
    taxMinor,
    totalMinor: subtotalMinor - discount + taxMinor,
    lines: lineTotals,
  };
}
