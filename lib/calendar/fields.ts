import { z } from "zod";
import { isValidDayKey } from "@/lib/calendar/zoned";

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

/** A time of day from a time input: "HH:MM", 24-hour. */
export const timeOfDayField = z
  .string({ error: "Enter a time." })
  .trim()
  .min(1, "Enter a time.")
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, "Enter a time as HH:MM (24-hour).")
  .transform((v) => v.slice(0, 5));

export const optionalTimeOfDayField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d(:00)?$/.test(v), "Enter a time as HH:MM (24-hour).")
  .transform((v) => (v ? v.slice(0, 5) : null));

/** A checkbox: present ("on") when ticked, absent otherwise. */
export const checkboxField = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");
