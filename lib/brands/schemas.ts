import { z } from "zod";
import { safeRedirect } from "@/lib/safe-redirect";
import { recordId } from "@/lib/fields";

/** A brand picked from the studio's list (the mutation checks it is the studio's). */
export const brandField = z
  .string({ error: "Choose a brand." })
  .trim()
  .min(1, "Choose a brand.")
  .max(64, "Choose one of your brands.");

const brandName = z.string().trim().min(2, "Enter a brand name.").max(80, "Use at most 80 characters.");

export const addBrandSchema = z.object({ name: brandName });
export const renameBrandSchema = z.object({ brandId: recordId, name: brandName });
export const deleteBrandSchema = z.object({ brandId: recordId });

/** A logo's file cap: it travels inside every email the brand sends. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const MAX_LOGO_LABEL = "256 KB";
export const LOGO_TOO_LARGE = `The image is larger than ${MAX_LOGO_LABEL}: save it smaller (a logo needs about 400 pixels across).`;

export const uploadLogoSchema = z.object({
  brandId: recordId,
  logo: z
    .instanceof(File, { error: "Choose a PNG or JPEG image." })
    .refine((f) => f.size > 0, "Choose a PNG or JPEG image: this file is empty.")
    .refine((f) => f.size <= MAX_LOGO_BYTES, LOGO_TOO_LARGE),
});
export const removeLogoSchema = z.object({ brandId: recordId });

/** The header's brand filter: a brand id, or "" for all brands, and the page to return to. */
export const chooseBrandSchema = z.object({
  brandId: z.string().max(64),
  returnTo: z
    .string()
    .max(500)
    .default("/dashboard")
    .transform((v) => safeRedirect(v)),
});
