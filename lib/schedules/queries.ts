import { type Db } from "@/lib/db";

/** The studio's payment schedule templates with their steps: a handful, not paged. */
export function findScheduleTemplates(db: Db, { studioId }: { studioId: string }) {
  return db.paymentScheduleTemplate.findMany({
    where: { studioId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    take: 100,
    select: {
      id: true,
      name: true,
      isDefault: true,
      steps: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          label: true,
          amount: true,
          percentBps: true,
          fixedMinor: true,
          anchor: true,
          offsetDays: true,
        },
      },
    },
  });
}
