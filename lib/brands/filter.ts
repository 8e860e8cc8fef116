import "server-only";
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
