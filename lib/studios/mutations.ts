import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newCalendarToken, slugify } from "@/lib/studios/identifiers";

/** Sign-up: a studio, its first brand (named after it) and its owner. */
export async function createStudioWithOwner(
  tx: Tx,
  { name, studioName, email, password }: { name: string; studioName: string; email: string; password: string },
) {
  const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "An account with that email already exists.", { email: ["An account with that email already exists. Sign in instead."] });
  const studio = await tx.studio.create({
    data: { name: studioName, slug: slugify(studioName), brands: { create: { name: studioName } } },
    select: { id: true, slug: true },
  });
  const user = await tx.user.create({
    data: {
      studioId: studio.id,
      email,
      name,
      role: "OWNER",
      passwordHash: await hashPassword(password),
      calendarToken: newCalendarToken(),
    },
    select: { id: true, email: true, name: true, role: true, studioId: true },
  });
  return { studioId: studio.id, slug: studio.slug, user };
}

export async function updateStudio(tx: Tx, { studioId, name, timeZone }: { studioId: string; name: string; timeZone: string }) {
  await tx.studio.update({ where: { id: studioId }, data: { name, timeZone }, select: { id: true } });
}
