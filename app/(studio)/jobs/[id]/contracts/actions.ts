"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import {
  countersignContract,
  createContract,
  requestOriginOf,
  resendContract,
  sendContract,
  updateContractDraft,
  voidContract,
} from "@/lib/contracts/mutations";
import {
  contractIdSchema,
  countersignContractSchema,
  createContractSchema,
  updateContractSchema,
} from "@/lib/contracts/schemas";
import { contractPath } from "@/lib/urls";

// A contract's changes show on its page, on the job page (status), on the client's page (its
// history lists contracts and emails), and on the dashboard (What's Next lists unsigned
// contracts); sending queues email, listed at /emails.
const pathsFor = (jobId: string, contractId: string, extra: string[] = []) => [
  contractPath(jobId, contractId),
  `/jobs/${jobId}`,
  "/clients",
  ...extra,
];

export const createContractAction = defineAction({
  access: "studio",
  schema: createContractSchema,
  async run({ tx, input, user }) {
    const contract = await createContract(tx, { studioId: user.studioId, actor: user, input });
    return { revalidate: pathsFor(contract.jobId, contract.id), redirectTo: contractPath(contract.jobId, contract.id) };
  },
});

export const updateContractAction = defineAction({
  access: "studio",
  schema: updateContractSchema,
  async run({ tx, input, user }) {
    const { jobId, contractId } = await updateContractDraft(tx, { studioId: user.studioId, input });
    return {
      revalidate: pathsFor(jobId, contractId),
      message: "Draft saved. The preview shows it with the job's values.",
    };
  },
});

export const sendContractAction = defineAction({
  access: "studio",
  schema: contractIdSchema,
  async run({ tx, input, user }) {
    const { jobId } = await sendContract(tx, { studioId: user.studioId, contractId: input.contractId, actor: user });
    return {
      revalidate: pathsFor(jobId, input.contractId, ["/dashboard", "/emails"]),
      message: "Contract sent. Your client will get an email with the link to sign.",
    };
  },
});

export const resendContractAction = defineAction({
  access: "studio",
  schema: contractIdSchema,
  async run({ tx, input, user }) {
    const { jobId } = await resendContract(tx, { studioId: user.studioId, contractId: input.contractId, actor: user });
    return {
      revalidate: pathsFor(jobId, input.contractId, ["/dashboard", "/emails"]),
      message: "Sent again with a fresh link. The earlier link no longer works.",
    };
  },
});

export const voidContractAction = defineAction({
  access: "studio",
  schema: contractIdSchema,
  async run({ tx, input, user }) {
    const { jobId } = await voidContract(tx, {
      studioId: user.studioId,
      contractId: input.contractId,
      actor: `${user.name} (studio)`,
    });
    return {
      revalidate: pathsFor(jobId, input.contractId, ["/dashboard"]),
      message: "Contract voided. Its link now says so.",
    };
  },
});

export const countersignContractAction = defineAction({
  access: "studio",
  schema: countersignContractSchema,
  async run({ tx, input, user }) {
    const { jobId } = await countersignContract(tx, {
      studioId: user.studioId,
      contractId: input.contractId,
      user,
      name: input.name,
      origin: requestOriginOf(await headers()),
    });
    return {
      revalidate: pathsFor(jobId, input.contractId, ["/dashboard", "/emails"]),
      message: "Countersigned. The contract is fully signed and both of you get the signed copy by email.",
    };
  },
});
