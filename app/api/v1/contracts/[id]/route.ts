import { defineApiRead } from "@/lib/api/handlers";
import { toApiContract } from "@/lib/api/resources";
import { findContractSummary } from "@/lib/contracts/queries";
import { notFound } from "@/lib/errors";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const contract = await findContractSummary(db, { studioId: principal.user.studioId, contractId: params.id });
  if (!contract) throw notFound("That contract");
  return toApiContract(contract);
});
