import { type Tx } from "@/lib/db";

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
 * no email exists; if it commits, the worker (not the request) delivers it.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<{ id: string }> {
  return tx.emailMessage.create({ data: email, select: { id: true } });
}
