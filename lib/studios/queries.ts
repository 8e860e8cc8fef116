import { type Db } from "@/lib/db";

export function findStudioShell(db: Db, { studioId }: { studioId: string }) {
  return db.studio.findUnique({
    where: { id: studioId },
    select: { id: true, name: true, slug: true, timeZone: true, brands: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
  });
}
