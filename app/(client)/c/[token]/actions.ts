"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { recordContractView, requestOriginOf, signContract } from "@/lib/contracts/mutations";
import { signContractSchema, viewContractSchema } from "@/lib/contracts/schemas";
import { contractPath } from "@/lib/urls";

export const signContractAction = defineAction({
  access: "public",
  schema: signContractSchema,
  async run({ tx, input }) {
    const { token, ...signature } = input;
    const { jobId, contractId } = await signContract(tx, {
      token,
      input: signature,
      origin: requestOriginOf(await headers()),
    });
    // The client's page re-renders signed; the studio's pages (and What's New) are listed for revalidation.
    return {
      revalidate: [
        `/c/${token}`,
        contractPath(jobId, contractId),
        `/jobs/${jobId}`,
        "/clients",
        "/dashboard",
        "/emails",
      ],
    };
  },
});

/** Called once by the page when the client opens it: the first view goes into the audit trail. */
export const viewContractAction = defineAction({
  access: "public",
  schema: viewContractSchema,
  async run({ tx, input }) {
    const viewed = await recordContractView(tx, { token: input.token, origin: requestOriginOf(await headers()) });
    return {
      revalidate: viewed.changed
        ? [`/c/${input.token}`, contractPath(viewed.jobId, viewed.contractId), `/jobs/${viewed.jobId}`]
        : [],
    };
  },
});
