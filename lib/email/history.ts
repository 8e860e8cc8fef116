import { type EmailEventKind } from "@/prisma/generated/prisma/enums";
import { type Tx } from "@/lib/db";

/**
 * Adds a step to an email's history (shown on /emails), in the transaction that makes the step:
 * the history never says more, or less, than what was committed.
 */
export async function recordEmailEvent(
  tx: Pick<Tx, "emailEvent">,
  event: { emailId: string; studioId: string | null; kind: EmailEventKind; detail?: string | null },
): Promise<void> {
  await tx.emailEvent.create({
    data: { emailId: event.emailId, studioId: event.studioId, kind: event.kind, detail: event.detail ?? null },
    select: { id: true },
  });
}
