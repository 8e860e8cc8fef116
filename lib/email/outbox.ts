import { type Tx } from "@/lib/db";
import { enqueueEmailJob } from "@/lib/email/queue";

export type OutgoingEmail = {
  studioId: string | null;
  /** What caused it, e.g. "proposal.sent", "staff.invite". */
  kind: string;
  to: string;
  subject: string;
  text: string;
};

/**
 * Queues an email in the transaction of the change that causes it: if the change rolls back,
 * neither the email nor its delivery job exists; if it commits, the worker (not the request)
 * delivers it.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<{ id: string }> {
  const row = await tx.emailMessage.create({ data: email, select: { id: true } });
  await enqueueEmailJob(tx, row.id);
  return row;
}
