import { findComposeTarget } from "@/lib/composed-emails/queries";
import { type Tx } from "@/lib/db";
import { renderEmailWording } from "@/lib/email-templates/wording";
import { queueEmail, StudioSendRefused } from "@/lib/email/outbox";
import { notify } from "@/lib/notifications/mutations";
import { type ServiceDb } from "@/lib/service-db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { JOB_CANCELLED_NOTE } from "@/lib/scheduled-emails/schemas";

// The billing service's step that sends workflow emails whose moment has come. Each goes in its
// own transaction that locks its row, queues the email and marks the row sent: a second service,
// a retried run or a restart after a crash finds it sent (or locked) and sends nothing.

const PAGE = 200;

type Due = { id: string; studioId: string; sendAt: Date };

async function* dueEmails(db: ServiceDb, now: Date): AsyncGenerator<Due> {
  let after: Due | null = null;
  for (;;) {
    const seek = after ? Prisma.sql`AND ("sendAt", id) > (${after.sendAt}, ${after.id})` : Prisma.empty;
    const rows: Due[] = await db.$queryRaw`
      SELECT id, "studioId", "sendAt" FROM "ScheduledEmail"
      WHERE status = 'SCHEDULED' AND "sendAt" <= ${now} ${seek}
      ORDER BY "sendAt", id LIMIT ${PAGE}`;
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1];
  }
}

type Blocked = { status: "CANCELLED" | "NOT_SENT"; note: string };

/**
 * Queues a scheduled email its caller has locked (still SCHEDULED) and marks it sent, in the
 * caller's transaction; or changes nothing and says why it cannot go.
 */
export async function sendLockedScheduledEmail(
  tx: Tx,
  { studioId, id, now }: { studioId: string; id: string; now: Date },
): Promise<Blocked | null> {
  const row = await tx.scheduledEmail.findFirstOrThrow({
    where: { id, studioId },
    select: { id: true, jobId: true, subject: true, body: true, job: { select: { status: true } } },
  });
  if (row.job.status === "CANCELLED") return { status: "CANCELLED", note: JOB_CANCELLED_NOTE };
  const target = await findComposeTarget(tx, { studioId, jobId: row.jobId, now });
  if (!target?.email) return { status: "NOT_SENT", note: `${target?.name ?? "The client"} has no email address.` };
  const missing = renderEmailWording(row, target.values, "job").missing;
  if (missing.length)
    return { status: "NOT_SENT", note: `Nothing to fill in for ${missing.map((m) => m.label).join(", ")}.` };
  const email = await queueEmail(tx, {
    studioId,
    kind: "workflow.email",
    to: target.email,
    params: { scheduledEmailId: row.id },
    now,
  });
  await tx.scheduledEmail.updateMany({
    where: { id: row.id, studioId },
    data: { status: "SENT", emailId: email.id, settledAt: now },
  });
  return null;
}

/** Sends one due email, or settles why it cannot go; false when another run has it or had it. */
async function sendDue(tx: Tx, { id, now }: { id: string; now: Date }): Promise<boolean> {
  const [locked] = await tx.$queryRaw<{ studioId: string; jobId: string; name: string }[]>`
    SELECT "studioId", "jobId", name FROM "ScheduledEmail" WHERE id = ${id} AND status = 'SCHEDULED' FOR UPDATE SKIP LOCKED`;
  if (!locked) return false;
  const blocked = await sendLockedScheduledEmail(tx, { studioId: locked.studioId, id, now });
  if (!blocked) return true;
  await tx.scheduledEmail.updateMany({
    where: { id, studioId: locked.studioId },
    data: { ...blocked, settledAt: now },
  });
  if (blocked.status === "NOT_SENT") {
    const job = await tx.job.findFirstOrThrow({
      where: { id: locked.jobId, studioId: locked.studioId },
      select: { title: true },
    });
    await notify(tx, {
      studioId: locked.studioId,
      kind: "scheduled-email.not-sent",
      message: `"${locked.name}" for ${job.title} was not sent: ${blocked.note}`,
      link: `/jobs/${locked.jobId}/workflow`,
    });
  }
  return false;
}

/** Sends every workflow email due by `now`; returns how many went. */
export async function sendDueScheduledEmails(db: ServiceDb, { now }: { now: Date }): Promise<number> {
  let sent = 0;
  // A studio that may not send now (owner not confirmed, the day's quota used) keeps its emails
  // scheduled for a later run, and the other studios' emails still go.
  const refused = new Set<string>();
  for await (const due of dueEmails(db, now)) {
    if (refused.has(due.studioId)) continue;
    try {
      if (await db.$transaction((tx) => sendDue(tx, { id: due.id, now }))) sent++;
    } catch (error) {
      if (!(error instanceof StudioSendRefused)) throw error;
      refused.add(due.studioId);
    }
  }
  return sent;
}
