import { dateColumn, dayKeyOf, dayKeyOfDateColumn, daysBetween } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { queueEmail, StudioSendRefused } from "@/lib/email/outbox";
import { sendLeadDigests } from "@/lib/lead-alerts/digest";
import { formatMoney } from "@/lib/money";
import { notify } from "@/lib/notifications/mutations";
import { sendDueScheduledEmails } from "@/lib/scheduled-emails/send";
import { overdueMoment, reminderToSend } from "@/lib/schedules/plan";
import { type ServiceDb } from "@/lib/service-db";
import { Prisma } from "@/prisma/generated/prisma/client";

// The billing service's scheduled work, as one function of the clock: mark installments that
// have become overdue, send each reminder that has come due, each workflow email whose moment
// has come (lib/scheduled-emails/send.ts) and each member's daily digest of new inquiries
// (lib/lead-alerts/digest.ts). `now` is a parameter so tests
// control time; every due moment up to `now` is considered (a service that was down catches
// up), and each step is its own small transaction keyed so that it happens exactly once
// however many services run it, however often, and whatever crashed half-way.

type BillingDb = ServiceDb;

export type TickResult = { overdue: number; reminders: number; workflowEmails: number; leadDigests: number };

const PAGE = 200;

type Candidate = { id: string; studioId: string; dueOn: Date; timeZone: string; sentAt: Date };

/**
 * Installments of live invoices, unpaid, in (due date, id) order, read a page at a time. The
 * SQL only narrows by calendar date (a day of slack for time zones); the exact moment is
 * decided in the studio's zone by lib/schedules/plan.ts.
 */
async function* candidates(
  db: BillingDb,
  where: Prisma.Sql,
): AsyncGenerator<Candidate & { offsets: number[]; sent: number[] }> {
  let after: { dueOn: Date; id: string } | null = null;
  for (;;) {
    const seek: Prisma.Sql = after
      ? Prisma.sql`AND (i."dueOn", i.id) > (${after.dueOn}::date, ${after.id})`
      : Prisma.empty;
    const rows: (Candidate & { offsets: number[] | null; sent: number[] })[] = await db.$queryRaw`
      SELECT i.id, i."studioId", i."dueOn", s."timeZone", inv."sentAt", s."reminderOffsets" AS offsets,
             COALESCE((SELECT array_agg(r."offsetDays") FROM "Reminder" r WHERE r."installmentId" = i.id), '{}') AS sent
      FROM "Installment" i
      JOIN "Invoice" inv ON inv.id = i."invoiceId" AND inv."studioId" = i."studioId"
      JOIN "Studio" s ON s.id = i."studioId"
      WHERE i.status IN ('OPEN', 'OVERDUE') AND inv.status IN ('SENT', 'PARTIALLY_PAID') ${where} ${seek}
      ORDER BY i."dueOn", i.id
      LIMIT ${PAGE}`;
    for (const row of rows) yield { ...row, offsets: row.offsets ?? [] };
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1];
  }
}

/** Locks the installment's invoice (as payments do) and reads what a step needs, if it still applies. */
async function lockInstallment(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ invoiceId: string }[]>`
    SELECT inv.id AS "invoiceId" FROM "Installment" i JOIN "Invoice" inv ON inv.id = i."invoiceId"
    WHERE i.id = ${id} AND inv.status IN ('SENT', 'PARTIALLY_PAID') FOR UPDATE OF inv`;
  if (!row) return null;
  return tx.installment.findFirst({
    where: { id, status: { in: ["OPEN", "OVERDUE"] } },
    select: {
      id: true,
      studioId: true,
      label: true,
      amountMinor: true,
      paidMinor: true,
      dueOn: true,
      status: true,
      invoice: {
        select: {
          id: true,
          number: true,
          title: true,
          currency: true,
          overdueSince: true,
          studio: { select: { name: true, locale: true } },
          job: { select: { id: true, title: true, contact: { select: { name: true, email: true } } } },
        },
      },
    },
  });
}

async function markOverdue(db: BillingDb, { now }: { now: Date }): Promise<number> {
  let marked = 0;
  // An installment due today (UTC) or earlier may already be overdue east of Greenwich.
  const due = Prisma.sql`AND i.status = 'OPEN' AND i."dueOn" <= ${dateColumn(now.toISOString().slice(0, 10))}::date`;
  for await (const c of candidates(db, due)) {
    if (overdueMoment(dayKeyOfDateColumn(c.dueOn), c.timeZone) > now) continue;
    const didMark = await db.$transaction(async (tx) => {
      const installment = await lockInstallment(tx, c.id);
      if (!installment || installment.status !== "OPEN") return false;
      await tx.installment.update({
        where: { id: installment.id, studioId: installment.studioId },
        data: { status: "OVERDUE", overdueAt: now },
        select: { id: true },
      });
      const invoice = installment.invoice;
      if (!invoice.overdueSince)
        await tx.invoice.update({
          where: { id: invoice.id, studioId: installment.studioId },
          data: { overdueSince: now },
          select: { id: true },
        });
      const money = { currency: invoice.currency, locale: invoice.studio.locale };
      await notify(tx, {
        studioId: installment.studioId,
        kind: "installment.overdue",
        message: `${invoice.job.contact.name}'s ${installment.label.toLowerCase()} of ${formatMoney(installment.amountMinor - installment.paidMinor, money)} on ${invoice.job.title} is overdue`,
        link: `/invoices/${invoice.id}`,
      });
      return true;
    });
    if (didMark) marked++;
  }
  return marked;
}

async function sendReminders(db: BillingDb, { now }: { now: Date }): Promise<number> {
  let sent = 0;
  // A studio that may not send now (owner not confirmed, the day's quota used) keeps its reminders
  // for a later run: nothing of them is saved, its other installments are not tried again in this
  // run, and the other studios' reminders still go.
  const refused = new Set<string>();
  // Reminders can start up to a few weeks before the due date: narrowed by the studio's earliest offset.
  const reachable = Prisma.sql`AND i."dueOn" + COALESCE((SELECT min(o) FROM unnest(s."reminderOffsets") o), 0) <= ${dateColumn(now.toISOString().slice(0, 10))}::date + 1
    AND (SELECT max(o) FROM unnest(s."reminderOffsets") o) > COALESCE((SELECT max(r."offsetDays") FROM "Reminder" r WHERE r."installmentId" = i.id), -2147483648)`;
  for await (const c of candidates(db, reachable)) {
    if (refused.has(c.studioId)) continue;
    const dueOn = dayKeyOfDateColumn(c.dueOn);
    const offset = reminderToSend({
      dueOn,
      offsets: c.offsets,
      sent: c.sent,
      timeZone: c.timeZone,
      now,
      sentAt: c.sentAt,
    });
    if (offset === null) continue;
    const sending = db.$transaction(async (tx) => {
      const installment = await lockInstallment(tx, c.id);
      if (!installment) return false;
      // The reminder row and its email commit together: a second service, a retried tick or a
      // restart after a crash finds the row and sends nothing.
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Reminder" (id, "studioId", "installmentId", "offsetDays", "sentAt")
        VALUES (gen_random_uuid()::text, ${installment.studioId}, ${installment.id}, ${offset}, ${now})
        ON CONFLICT ("studioId", "installmentId", "offsetDays") DO NOTHING RETURNING id`;
      if (inserted.length === 0) return false;
      const client = installment.invoice.job.contact;
      if (client.email) {
        // Worded for today in the studio's zone, even if this run is late.
        const daysFromDue = daysBetween(dueOn, dayKeyOf(now, c.timeZone));
        await queueEmail(tx, {
          studioId: installment.studioId,
          kind: "installment.reminder",
          to: client.email,
          params: { reminderId: inserted[0].id, daysFromDue },
          now,
        });
      }
      return true;
    });
    try {
      if (await sending) sent++;
    } catch (error) {
      if (!(error instanceof StudioSendRefused)) throw error;
      refused.add(c.studioId);
    }
  }
  return sent;
}

/** One run of the billing service's scheduled work as of `now`. */
export async function runBillingTick(db: BillingDb, { now }: { now: Date }): Promise<TickResult> {
  const overdue = await markOverdue(db, { now });
  const reminders = await sendReminders(db, { now });
  const workflowEmails = await sendDueScheduledEmails(db, { now });
  const leadDigests = await sendLeadDigests(db, { now });
  return { overdue, reminders, workflowEmails, leadDigests };
}
