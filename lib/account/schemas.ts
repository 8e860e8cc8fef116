import { z } from "zod";
import { email, newPassword, personName } from "@/lib/fields";

const currentPassword = z.string().min(1, "Enter your current password.").max(200);

export const updateProfileSchema = z.object({ name: personName });
export const changeEmailSchema = z.object({ email, currentPassword });
export const changePasswordSchema = z
  .object({ currentPassword, newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." });
