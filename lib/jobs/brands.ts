import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The studio's brand with this id, or a field error: a brand id from a form is never trusted. */
export async function requireBrandId(tx: Tx, { studioId, brandId }: { studioId: string; brandId: string }): Promise<string> {
  const brand = await tx.brand.findFirst({ where: { id: brandId, studioId }, select: { id: true } });
  if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.", { brandId: ["Choose one of your brands."] });
  return brand.id;
}

/** The brand a studio started with (sign-up names it after the studio). */
export async function firstBrandId(tx: Tx, { studioId }: { studioId: string }): Promise<string | null> {
  const brand = await tx.brand.findFirst({ where: { studioId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return brand?.id ?? null;
}
