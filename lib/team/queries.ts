import { type Db } from "@/lib/db";

export async function findTeam(db: Db, { studioId, now = new Date() }: { studioId: string; now?: Date }) {
  const [members, invites] = await Promise.all([
    db.user.findMany({
      where: { studioId, removedAt: null },
      select: { id: true, name: true, email: true, role: true, createdAt: true },
      orderBy: [{ role: "asc" }, { name: "asc" }],
    }),
    db.invite.findMany({
      where: { studioId, expiresAt: { gt: now } },
      select: { id: true, email: true, expiresAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invites };
}
