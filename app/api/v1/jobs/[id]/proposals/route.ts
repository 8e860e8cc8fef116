import { defineApiRead } from "@/lib/api/handlers";
import { toApiProposal } from "@/lib/api/resources";
import { notFound } from "@/lib/errors";
import { findJob } from "@/lib/jobs/queries";

/** A job's proposals, newest first, as its page lists them. */
export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const job = await findJob(db, { studioId: principal.user.studioId, jobId: params.id });
  if (!job) throw notFound("That job");
  return { data: job.proposals.map(toApiProposal) };
});
