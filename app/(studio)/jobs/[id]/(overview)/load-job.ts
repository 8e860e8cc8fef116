import "server-only";
import { cache } from "react";
import { requireStudioContext } from "@/lib/auth/context";
import { findJob } from "@/lib/jobs/queries";

/** The job this page shows, read once per request: the layout (for its 404) and the page share it. */
export const loadJob = cache(async (id: string) => {
  const { user, db } = await requireStudioContext();
  return findJob(db, { studioId: user.studioId, jobId: id.slice(0, 64) });
});
