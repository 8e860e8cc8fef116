import { type Db } from "@/lib/db";

/** Clients to pick from when creating a job: a search by any part of name or email, or A–Z. */
export function findContactOptions(db: Db, { studioId, q }: { studioId: string; q?: string }) {
  return db.contact.findMany({
    where: {
      studioId,
      ...(q
        ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
        : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, name: true, email: true },
  });
}
