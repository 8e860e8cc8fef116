"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { requestOriginOf } from "@/lib/contracts/mutations";
import { respondToProposal } from "@/lib/proposals/mutations";
import { respondToProposalSchema } from "@/lib/proposals/schemas";

export const respondToProposalAction = defineAction({
  access: "public",
  schema: respondToProposalSchema,
  async run({ tx, input }) {
    const { jobId, invoice } = await respondToProposal(tx, { ...input, origin: requestOriginOf(await headers()) });
    // The page re-renders with the answer; the studio's pages (the job's contract among them) are listed for their revalidation.
    const paths = [`/p/${input.token}`, "/dashboard", "/bookings", "/leads", `/jobs/${jobId}`, "/emails", "/reports"];
    // A studio that requires the retainer first: the client goes straight to paying it.
    if (invoice)
      return {
        revalidate: [...paths, `/i/${invoice.token}`, "/invoices", `/invoices/${invoice.id}`, "/emails"],
        redirectTo: `/i/${invoice.token}`,
      };
    return { revalidate: paths };
  },
});
