import { z } from "zod";
import { checkboxField, email, newPassword, optionalText, personName } from "@/lib/fields";
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
  jobsPerDay: z.coerce
    .number({ error: "Enter a whole number from 1 to 20." })
    .int("Enter a whole number from 1 to 20.")
    .min(1, "Enter a whole number from 1 to 20.")
    .max(20, "Enter a whole number from 1 to 20."),
  staffCanSeeReports: checkboxField,
});

const MAX_REMINDER_DAYS = 90;

/** "3" or "3, 10": days after the due date to remind again; at most three. */
const daysList = z
  .string()
  .trim()
  .max(40, "Use at most three numbers.")
  .optional()
  .transform((v, ctx) => {
    const parts = (v ?? "").split(/[,\s]+/).filter(Boolean);
    const days = parts.map(Number);
    if (parts.length > 3 || days.some((d, i) => !/^\d+$/.test(parts[i]) || d < 1 || d > MAX_REMINDER_DAYS)) {
      ctx.addIssue({
        code: "custom",
        message: `Enter up to three whole numbers of days from 1 to ${MAX_REMINDER_DAYS}, such as 3, 10.`,
      });
      return [];
    }
    return [...new Set(days)];
  });

/** How the studio gets paid: offline instructions, the retainer rule and the reminder days. */
export const updatePaymentSettingsSchema = z
  .object({
    paymentInstructions: optionalText(2000),
    requireRetainer: checkboxField,
    remindBefore: z
      .string()
      .trim()
      .max(5)
      .optional()
      .refine(
        (v) => !v || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_REMINDER_DAYS),
        `Enter a whole number of days from 1 to ${MAX_REMINDER_DAYS}, or leave it empty.`,
      ),
    remindOnDue: checkboxField,
    remindAfter: daysList,
  })
  .transform(({ remindBefore, remindOnDue, remindAfter, ...rest }) => ({
    ...rest,
    reminderOffsets: [
      ...(remindBefore ? [-Number(remindBefore)] : []),
      ...(remindOnDue ? [0] : []),
      ...remindAfter,
    ].sort((a, b) => a - b),
  }));
export type UpdatePaymentSettingsInput = z.infer<typeof updatePaymentSettingsSchema>;
