import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "studio"}-${randomBytes(3).toString("hex")}`;
}

export const newCalendarToken = () => randomBytes(24).toString("base64url");

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
    select: { id: true },
  });
  return { studioId: studio.id, userId: user.id, slug: studio.slug };
}
