import { defineApiRead } from "@/lib/api/handlers";
import { toApiContract } from "@/lib/api/resources";
import { findJobContracts } from "@/lib/contracts/queries";
import { notFound } from "@/lib/errors";
import { findJobSummary } from "@/lib/jobs/queries";

/** A job's contracts, newest first, as its page lists them. */
export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const tenant = { studioId: principal.user.studioId, jobId: params.id };
  const [job, contracts] = await Promise.all([findJobSummary(db, tenant), findJobContracts(db, tenant)]);
  if (!job) throw notFound("That job");
  return { data: contracts.map(toApiContract) };
});
