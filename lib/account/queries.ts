import { type Db, type Tx } from "@/lib/db";

/** Whether the studio may send email: its owner has confirmed their address. */
export async function findOwnerConfirmation(db: Db | Tx, { studioId }: { studioId: string }) {
  const owner = await db.user.findFirst({
    where: { studioId, role: "OWNER", removedAt: null },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  return { ownerId: owner?.id ?? null, ownerEmail: owner?.email ?? null, isConfirmed: Boolean(owner?.emailVerifiedAt) };
}
