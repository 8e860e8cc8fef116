import { type Db } from "@/lib/db";

/** What the public inquiry page shows: the studio's name and its brands to choose from. */
export function findInquiryStudio(db: Db, { slug }: { slug: string }) {
  return db.studio.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      brands: { select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
}
