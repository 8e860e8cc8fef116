import { type Db } from "@/lib/db";

/** The studio's brands with how many jobs each has (a brand with jobs cannot be deleted) and their logos. */
export function findBrandsWithJobCounts(db: Db, { studioId }: { studioId: string }) {
  return db.brand.findMany({
    where: { studioId },
    select: {
      id: true,
      name: true,
      _count: { select: { jobs: true } },
      logo: { select: { data: true, contentType: true, width: true, height: true } },
    },
    orderBy: { name: "asc" },
  });
}
