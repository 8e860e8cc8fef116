"use server";

import { defineAction } from "@/lib/actions";
import { respondToProposal } from "@/lib/proposals/mutations";
import { respondToProposalSchema } from "@/lib/proposals/schemas";

export const answerProposal = defineAction({
  access: "public",
  schema: respondToProposalSchema,
  async run({ tx, input }) {
    const { jobId, status } = await respondToProposal(tx, input);
    return {
      revalidate: [`/p/${input.token}`, "/dashboard", "/bookings", "/leads", `/jobs/${jobId}`],
      message: status === "ACCEPTED" ? "Thank you! Your booking is confirmed pending the studio's review." : "Thank you for letting us know.",
    };
  },
});
