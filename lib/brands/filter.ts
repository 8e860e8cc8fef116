import "server-only";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAppSession } from "@/lib/session";

/**
 * The brand filter ("for: All Brands" or one brand) lives in the sealed cookie, so it follows
 * the user across pages and nodes. Returns undefined for all brands; ignores a brand id that
 * is not one of the studio's (a stale cookie after a brand is deleted).
 */
export async function selectedBrandId(brands: { id: string }[]): Promise<string | undefined> {
  const session = await getAppSession();
  return brands.some((b) => b.id === session.brandId) ? session.brandId : undefined;
}

/** Saves the filter: one of the studio's brands, or "" for all of them. */
export async function chooseBrandFilter(tx: Tx, { studioId, brandId }: { studioId: string; brandId: string }): Promise<void> {
  if (brandId) {
    const brand = await tx.brand.findFirst({ where: { id: brandId, studioId }, select: { id: true } });
    if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.");
  }
  const session = await getAppSession();
  session.brandId = brandId || undefined;
  await session.save();
}
