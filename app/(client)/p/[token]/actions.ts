"use server";

import { defineAction } from "@/lib/actions";
import { respondToProposal } from "@/lib/proposals/mutations";
import { respondToProposalSchema } from "@/lib/proposals/schemas";

export const respondToProposalAction = defineAction({
  access: "public",
  schema: respondToProposalSchema,
  async run({ tx, input }) {
    const { jobId } = await respondToProposal(tx, input);
    // The page re-renders with the answer; the studio's pages are listed for their revalidation.
    return { revalidate: [`/p/${input.token}`, "/dashboard", "/bookings", "/leads", `/jobs/${jobId}`] };
  },
});
