import { type Db } from "@/lib/db";
import { findKeysetPage, type PageRequest } from "@/lib/pagination";
import { type Prisma } from "@/prisma/generated/prisma/client";

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

const contactSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  createdAt: true,
} satisfies Prisma.ContactSelect;

/** One page of the studio's clients, newest first (uuid v7 ids follow creation time). */
export function findContactPage(db: Db, { studioId, ...request }: { studioId: string } & PageRequest) {
  return findKeysetPage({
    sections: [{ where: { studioId }, key: null, dir: "desc" }],
    request,
    fetch: ({ where, orderBy, take }) =>
      db.contact.findMany({
        where: where as Prisma.ContactWhereInput,
        orderBy: orderBy as Prisma.ContactOrderByWithRelationInput[],
        take,
        select: contactSelect,
      }),
    keyOf: () => null,
  });
}

export function findContact(db: Db, { studioId, contactId }: { studioId: string; contactId: string }) {
  return db.contact.findFirst({
    where: { id: contactId, studioId },
    select: {
      ...contactSelect,
      jobs: {
        where: { studioId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, title: true },
      },
    },
  });
}
