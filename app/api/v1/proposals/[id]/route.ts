import { defineApiRead } from "@/lib/api/handlers";
import { toApiProposal } from "@/lib/api/resources";
import { notFound } from "@/lib/errors";
import { findProposal } from "@/lib/proposals/queries";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const proposal = await findProposal(db, { studioId: principal.user.studioId, proposalId: params.id });
  if (!proposal) throw notFound("That proposal");
  return toApiProposal(proposal);
});
