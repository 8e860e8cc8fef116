import { type Db } from "@/lib/db";

/** The studio's tokens for the settings page, newest first (a studio has a handful). */
export function findApiTokens(db: Db, { studioId }: { studioId: string }) {
  return db.apiToken.findMany({
    where: { studioId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      name: true,
      scope: true,
      hint: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      user: { select: { name: true } },
    },
  });
}
