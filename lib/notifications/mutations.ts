import { type Tx } from "@/lib/db";

export type NotificationInput = {
  studioId: string;
  /** Dotted event name, e.g. "lead.created", "proposal.declined". */
  kind: string;
  message: string;
  /** Where the entry in What's New takes the user. */
  link?: string;
};

/** Every event that What's New shows is one row, written in the transaction that caused it. */
export async function notify(tx: Tx, input: NotificationInput): Promise<void> {
  await tx.notification.create({ data: input, select: { id: true } });
}
