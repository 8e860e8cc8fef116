import { type Tx } from "@/lib/db";
import { recordEmailEvent } from "@/lib/email/history";
import { enqueueEmailJob } from "@/lib/email/queue";
import { AppError, notFound } from "@/lib/errors";

/** A failed email goes back to the queue with a fresh delivery job (and a fresh set of retries). */
export async function retryEmail(tx: Tx, { studioId, emailId }: { studioId: string; emailId: string }) {
  const email = await tx.emailMessage.findFirst({
    where: { id: emailId, studioId },
    select: { id: true, status: true, studioId: true },
  });
  if (!email) throw notFound("That email");
  const { count } = await tx.emailMessage.updateMany({
    where: { id: email.id, studioId, status: "FAILED" },
    data: { status: "QUEUED", lastError: null },
  });
  if (count === 0)
    throw new AppError(
      "CONFLICT",
      email.status === "SENT" ? "That email was already sent." : "That email is already waiting to be sent.",
    );
  await recordEmailEvent(tx, { emailId: email.id, studioId: email.studioId, kind: "REQUEUED" });
  await enqueueEmailJob(tx, email.id);
  return { id: email.id };
}
