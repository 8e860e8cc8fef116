import { z } from "zod";
import { email, newPassword, personName } from "@/lib/fields";
import { isCurrencyCode, isLocale } from "@/lib/money";

export const signUpSchema = z.object({
  name: personName,
  studioName: z.string().trim().min(2, "Enter your studio's name.").max(120, "Use at most 120 characters."),
  email,
  password: newPassword,
});

const timeZones = new Set(Intl.supportedValuesOf("timeZone"));

export const updateStudioSchema = z.object({
  name: z.string().trim().min(2, "Enter your studio's name.").max(120, "Use at most 120 characters."),
  timeZone: z.string().refine((tz) => timeZones.has(tz), "Choose a time zone from the list."),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, "Choose a currency from the list."),
  locale: z.string().trim().refine(isLocale, "Enter a locale such as en-US, en-GB, de-DE or fr-FR."),
});
