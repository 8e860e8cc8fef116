import { z } from "zod";
import { isValidDayKey } from "@/lib/calendar/zoned";
import {
  formatMoney,
  isCurrencyCode,
  isLocale,
  maxMinor,
  moneyExample,
  parseMoney,
  type MoneyFormat,
} from "@/lib/money";

// Form fields every domain's schemas are built from. FormData sends "" for an empty input, so
// optional text becomes null rather than an empty string.

export const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Use at most ${max} characters.`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);

/** An id from a URL or a hidden field: only its shape is checked; lookups prove it is ours. */
export const recordId = z
  .string({ error: "That item was not found." })
  .trim()
  .min(1, "That item was not found.")
  .max(64, "That item was not found.");

export const optionalRecordId = z
  .string()
  .trim()
  .max(64, "That item was not found.")
  .optional()
  .transform((v) => v || undefined);

export const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((e) => e.toLowerCase());

export const personName = requiredText("a name", 120);

export const newPassword = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const optionalPhone = z
  .string()
  .trim()
  .max(40, "Use at most 40 characters.")
  .regex(/^[0-9+().\-\s/x]*$/i, "Use digits, spaces and + ( ) - only.")
  .optional()
  .transform((v) => v || null);

/** A calendar date from a date input: "YYYY-MM-DD". */
export const dayKeyField = z
  .string({ error: "Enter a date." })
  .trim()
  .min(1, "Enter a date.")
  .refine(isValidDayKey, "Enter a real date as YYYY-MM-DD.");

export const optionalDayKeyField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isValidDayKey(v), "Enter a real date as YYYY-MM-DD.");

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d(:00)?$/;

/** A time of day from a time input: "HH:MM", 24-hour. */
export const timeOfDayField = z
  .string({ error: "Enter a time." })
  .trim()
  .min(1, "Enter a time.")
  .regex(TIME_OF_DAY, "Enter a time as HH:MM (24-hour).")
  .transform((v) => v.slice(0, 5));

export const optionalTimeOfDayField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || TIME_OF_DAY.test(v), "Enter a time as HH:MM (24-hour).")
  .transform((v) => (v ? v.slice(0, 5) : null));

/** A checkbox: present ("on") when ticked, absent otherwise. */
export const checkboxField = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/**
 * The studio's currency and locale, sent as hidden fields by every form with amounts: the schema
 * reads typed amounts with them, and the write checks they are still the studio's own.
 */
export const moneyFormatFields = {
  currency: z
    .string({ error: "Reload the page and try again." })
    .refine(isCurrencyCode, "Reload the page and try again."),
  locale: z.string({ error: "Reload the page and try again." }).refine(isLocale, "Reload the page and try again."),
};

/** A typed amount in minor units, or the message to show beside its field. */
export function readAmount(
  text: string,
  format: MoneyFormat,
  { max = maxMinor(format.currency) }: { max?: number } = {},
): { minor: number } | { error: string } {
  const minor = parseMoney(text, format);
  if (minor === null) return { error: `Enter an amount such as ${moneyExample(format)}.` };
  if (minor > max) return { error: `Enter an amount up to ${formatMoney(max, format)}.` };
  return { minor };
}

/** The money format of a form's raw values, or null when it is missing or not a real one. */
export function moneyFormatOf(value: unknown): MoneyFormat | null {
  const { currency, locale } = (value ?? {}) as { currency?: unknown; locale?: unknown };
  return typeof currency === "string" && typeof locale === "string" && isCurrencyCode(currency) && isLocale(locale)
    ? { currency, locale }
    : null;
}

/**
 * The token of an emailed link (lib/tokens.ts: 43 base64url characters; links sent before tokens
 * were derived carry 32). Anything else is refused before a lookup.
 */
export const linkTokenField = (message = "This link is not valid.") =>
  z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, message);
