import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newCalendarToken, slugify } from "@/lib/studios/identifiers";

/** Sign-up: a studio, its first brand (named after it) and its owner. */
export async function createStudioWithOwner(
  tx: Tx,
  input: { name: string; studioName: string; email: string; password: string },
) {
  const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "An account with that email already exists.", { email: ["An account with that email already exists. Sign in instead."] });
  const studio = await tx.studio.create({
    data: { name: input.studioName, slug: slugify(input.studioName), brands: { create: { name: input.studioName } } },
    select: { id: true, slug: true },
  });
  const user = await tx.user.create({
    data: {
      studioId: studio.id,
      email: input.email,
      name: input.name,
      role: "OWNER",
      passwordHash: await hashPassword(input.password),
      calendarToken: newCalendarToken(),
    },
    select: { id: true, email: true, name: true, role: true, studioId: true },
  });
  return { studioId: studio.id, slug: studio.slug, user };
}

export async function updateStudio(tx: Tx, { studioId, name, timeZone }: { studioId: string; name: string; timeZone: string }) {
  await tx.studio.update({ where: { id: studioId }, data: { name, timeZone }, select: { id: true } });
}

export async function addBrand(tx: Tx, { studioId, name }: { studioId: string; name: string }) {
  const exists = await tx.brand.findFirst({ where: { studioId, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (exists) throw new AppError("CONFLICT", "You already have a brand with that name.", { name: ["You already have a brand with that name."] });
  return tx.brand.create({ data: { studioId, name }, select: { id: true } });
}

export async function renameBrand(tx: Tx, { studioId, brandId, name }: { studioId: string; brandId: string; name: string }) {
  const { count } = await tx.brand.updateMany({ where: { id: brandId, studioId }, data: { name } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That brand was not found.");
}

/** A brand with jobs cannot go (their history would lose its brand); the last brand stays too. */
export async function deleteBrand(tx: Tx, { studioId, brandId }: { studioId: string; brandId: string }) {
  const brand = await tx.brand.findFirst({ where: { id: brandId, studioId }, select: { id: true, _count: { select: { jobs: true } } } });
  if (!brand) throw new AppError("NOT_FOUND", "That brand was not found.");
  if ((await tx.brand.count({ where: { studioId } })) === 1) throw new AppError("CONFLICT", "A studio needs at least one brand.");
  if (brand._count.jobs > 0) throw new AppError("CONFLICT", `This brand has ${brand._count.jobs} job(s). Move them to another brand first.`);
  await tx.brand.delete({ where: { id: brand.id } });
}
