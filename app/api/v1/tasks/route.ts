import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiTask } from "@/lib/api/resources";
import { pageParamsSchema } from "@/lib/search-params";
import { findOpenTaskPage } from "@/lib/workflows/queries";

/** Open tasks, soonest due first: the tasks page's list ("overdue" counts in the studio's calendar). */
export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = pageParamsSchema.parse(query);
  return pageOf(
    await findOpenTaskPage(db, {
      studioId: principal.user.studioId,
      now: new Date(),
      timeZone: principal.timeZone,
      ...params,
    }),
    toApiTask,
  );
});
