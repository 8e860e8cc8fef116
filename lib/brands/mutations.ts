import { countOf } from "@/lib/words";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The studio's brand with this id, or a field error: a brand id from a form is never trusted. */
export async function requireBrand(
  tx: Tx,
  { studioId, brandId }: { studioId: string; brandId: string },
): Promise<{ id: string; name: string }> {
  const brand = await tx.brand.findFirst({ where: { id: brandId, studioId }, select: { id: true, name: true } });
  if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.", { brandId: ["Choose one of your brands."] });
  return brand;
}

/** {@link requireBrand}'s id. */
export async function requireBrandId(tx: Tx, where: { studioId: string; brandId: string }): Promise<string> {
  return (await requireBrand(tx, where)).id;
}

/** The brand a studio started with (sign-up names it after the studio). */
export async function firstBrandId(tx: Tx, { studioId }: { studioId: string }): Promise<string | null> {
  const brand = await tx.brand.findFirst({
    where: { studioId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return brand?.id ?? null;
}

export async function addBrand(tx: Tx, { studioId, name }: { studioId: string; name: string }) {
  const exists = await tx.brand.findFirst({
    where: { studioId, name: { equals: name, mode: "insensitive" } },
    select: { id: true },
  });
  if (exists)
    throw new AppError("CONFLICT", "You already have a brand with that name.", {
      name: ["You already have a brand with that name."],
    });
  return tx.brand.create({ data: { studioId, name }, select: { id: true } });
}

export async function renameBrand(
  tx: Tx,
  { studioId, brandId, name }: { studioId: string; brandId: string; name: string },
) {
  const { count } = await tx.brand.updateMany({ where: { id: brandId, studioId }, data: { name } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That brand was not found.");
}

/** A brand with jobs cannot go (their history would lose its brand); the last brand stays too. */
export async function deleteBrand(tx: Tx, { studioId, brandId }: { studioId: string; brandId: string }) {
  const brand = await tx.brand.findFirst({
    where: { id: brandId, studioId },
    select: { id: true, _count: { select: { jobs: true } } },
  });
  if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.");
  if ((await tx.brand.count({ where: { studioId } })) === 1)
    throw new AppError("CONFLICT", "A studio needs at least one brand.");
  if (brand._count.jobs > 0)
    throw new AppError(
      "CONFLICT",
      `This brand has ${countOf(brand._count.jobs, "job", "jobs")}. Move ${brand._count.jobs === 1 ? "it" : "them"} to another brand first.`,
    );
  await tx.brand.delete({ where: { id: brand.id } });
}
