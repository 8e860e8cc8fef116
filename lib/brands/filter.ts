import "server-only";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBrandChoice, saveBrandChoice } from "@/lib/session";

/**
 * The brand filter ("for: All Brands" or one brand) lives in its own cookie, so it follows the
 * user across pages and nodes and no other response can overwrite it. Returns undefined for all
 * brands; ignores a brand id that is not one of the studio's (a stale cookie after a brand is
 * deleted, or another studio's).
 */
export async function selectedBrandId(brands: { id: string }[]): Promise<string | undefined> {
  const brandId = await readBrandChoice();
  return brands.some((b) => b.id === brandId) ? brandId : undefined;
}

/** Saves the filter: one of the studio's brands, or "" for all of them. Only the brand picker calls it. */
export async function chooseBrandFilter(
  tx: Tx,
  { studioId, brandId }: { studioId: string; brandId: string },
): Promise<void> {
  if (brandId) {
    const brand = await tx.brand.findFirst({ where: { id: brandId, studioId }, select: { id: true } });
    if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.");
  }
  await saveBrandChoice(brandId || undefined);
}
