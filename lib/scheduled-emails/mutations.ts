import { dayKeyOf } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { checkClientEmailWording } from "@/lib/email-templates/wording";
import { AppError, notFound } from "@/lib/errors";
import { JOB_CANCELLED_NOTE, type UpdateScheduledEmailInput } from "@/lib/scheduled-emails/schemas";
import { sendLockedScheduledEmail } from "@/lib/scheduled-emails/send";
import { emailSendAt } from "@/lib/workflows/due-dates";

type Tenant = { studioId: string };

const FIX = "Please correct the highlighted fields.";
const GONE = "That email is no longer scheduled: it was sent, skipped or cancelled meanwhile.";

/** The pages a change to a job's scheduled emails shows on. */
export const pagesAScheduledEmailChanges = (jobId: string) => [`/jobs/${jobId}/workflow`, `/jobs/${jobId}`];

async function findScheduled(tx: Tx, { studioId, scheduledEmailId }: Tenant & { scheduledEmailId: string }) {
  const row = await tx.scheduledEmail.findFirst({
    where: { id: scheduledEmailId, studioId },
    select: {
      id: true,
      jobId: true,
      status: true,
      sendAt: true,
      studio: { select: { timeZone: true } },
      job: { select: { contactId: true } },
    },
  });
  if (!row) throw notFound("That email");
  return row;
}

/** A member's change to a scheduled email's wording or day; it still goes at 9 am that day, studio time. */
export async function updateScheduledEmail(
  tx: Tx,
  { studioId, input, now = new Date() }: Tenant & { input: UpdateScheduledEmailInput; now?: Date },
) {
  const row = await findScheduled(tx, { studioId, scheduledEmailId: input.scheduledEmailId });
  const timeZone = row.studio.timeZone;
  const errors = checkClientEmailWording({ subject: input.subject, body: input.body }, "job");
  if (input.sendOn < dayKeyOf(now, timeZone)) errors.sendOn = ["Choose today or a later day."];
  if (Object.keys(errors).length) throw new AppError("VALIDATION", FIX, errors);
  const { count } = await tx.scheduledEmail.updateMany({
    where: { id: row.id, studioId, status: "SCHEDULED" },
    data: { subject: input.subject, body: input.body, sendAt: emailSendAt(input.sendOn, timeZone) },
  });
  if (count !== 1) throw new AppError("CONFLICT", GONE);
  return { jobId: row.jobId };
}

/** Not sent, on a member's word; kept on the job's page as skipped. */
export async function skipScheduledEmail(
  tx: Tx,
  {
    studioId,
    userName,
    scheduledEmailId,
    now = new Date(),
  }: Tenant & { userName: string; scheduledEmailId: string; now?: Date },
) {
  const row = await findScheduled(tx, { studioId, scheduledEmailId });
  const { count } = await tx.scheduledEmail.updateMany({
    where: { id: row.id, studioId, status: "SCHEDULED" },
    data: { status: "SKIPPED", note: `Skipped by ${userName}.`, settledAt: now },
  });
  if (count !== 1) throw new AppError("CONFLICT", GONE);
  return { jobId: row.jobId };
}

/** "Send now": queued in this transaction, ahead of its day; refused, changing nothing, when it cannot go. */
export async function sendScheduledEmailNow(
  tx: Tx,
  { studioId, scheduledEmailId, now = new Date() }: Tenant & { scheduledEmailId: string; now?: Date },
) {
  const row = await findScheduled(tx, { studioId, scheduledEmailId });
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ScheduledEmail" WHERE id = ${row.id} AND "studioId" = ${studioId} AND status = 'SCHEDULED' FOR UPDATE`;
  if (!locked) throw new AppError("CONFLICT", GONE);
  const blocked = await sendLockedScheduledEmail(tx, { studioId, id: row.id, now });
  if (blocked) throw new AppError("CONFLICT", `It cannot go: ${blocked.note}`);
  return { jobId: row.jobId, contactId: row.job.contactId };
}

/** A cancelled job's emails that have not gone yet never go. Runs in the transaction that cancels it. */
export async function cancelScheduledEmails(
  tx: Tx,
  { studioId, jobId, now = new Date() }: Tenant & { jobId: string; now?: Date },
) {
  const { count } = await tx.scheduledEmail.updateMany({
    where: { studioId, jobId, status: "SCHEDULED" },
    data: { status: "CANCELLED", note: JOB_CANCELLED_NOTE, settledAt: now },
  });
  return count;
}
