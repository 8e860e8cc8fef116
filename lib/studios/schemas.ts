import { z } from "zod";

export const email = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((e) => e.toLowerCase());

export const newPassword = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");

export const personName = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");

export const signUpSchema = z.object({
  name: personName,
  studioName: z.string().trim().min(2, "Enter your studio's name.").max(120, "Use at most 120 characters."),
  email,
  password: newPassword,
});

const timeZones = new Set(Intl.supportedValuesOf("timeZone"));

export const studioSettingsSchema = z.object({
  name: z.string().trim().min(2, "Enter your studio's name.").max(120, "Use at most 120 characters."),
  timeZone: z.string().refine((tz) => timeZones.has(tz), "Choose a time zone from the list."),
});

export const brandNameSchema = z.string().trim().min(2, "Enter a brand name.").max(80, "Use at most 80 characters.");
export const brandSchema = z.object({ name: brandNameSchema });
export const brandRenameSchema = z.object({ brandId: z.string().min(1).max(64), name: brandNameSchema });
export const brandIdSchema = z.object({ brandId: z.string().min(1).max(64) });
