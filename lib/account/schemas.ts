import { z } from "zod";
import { email, linkTokenField, newPassword, personName, recordId } from "@/lib/fields";

const currentPassword = z.string().min(1, "Enter your current password.").max(200);
/** A token from an emailed link: only its shape is checked here, its hash is looked up. */
export const accountLinkToken = linkTokenField();

export const updateProfileSchema = z.object({ name: personName });
export const changeEmailSchema = z.object({ email, currentPassword });
export const changePasswordSchema = z
  .object({ currentPassword, newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords do not match.",
  });
export const sendEmailConfirmationSchema = z.object({});
export const confirmEmailSchema = z.object({ token: accountLinkToken });
export const requestPasswordResetSchema = z.object({ email });
export const resetPasswordSchema = z
  .object({ token: accountLinkToken, password: newPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });
export const signOutEverywhereSchema = z.object({});
export const signOutSessionSchema = z.object({ sessionId: recordId });
