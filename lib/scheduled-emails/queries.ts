import { dayKeyOf, formatDateTime } from "@/lib/calendar/zoned";
import { type Prisma } from "@/prisma/generated/prisma/client";

export const SCHEDULED_EMAIL_STATUS_LABELS = {
  SCHEDULED: "Scheduled",
  SENT: "Sent",
  SKIPPED: "Skipped",
  CANCELLED: "Cancelled",
  NOT_SENT: "Not sent",
} as const;

/** What the job's workflow page reads of its emails (a nested select of the job), soonest first. */
export const jobScheduledEmailsSelect = {
  orderBy: [{ sendAt: "asc" }, { id: "asc" }],
  take: 200,
  select: {
    id: true,
    workflow: true,
    name: true,
    subject: true,
    body: true,
    sendAt: true,
    status: true,
    note: true,
    settledAt: true,
  },
} satisfies Prisma.Job$scheduledEmailsArgs;

type Row = Prisma.ScheduledEmailGetPayload<Pick<typeof jobScheduledEmailsSelect, "select">>;

/** A scheduled email as the page shows it: its day for the edit form, and when it goes or went in the studio's zone. */
export function describeScheduledEmail(row: Row, timeZone: string) {
  const at = row.status === "SCHEDULED" ? row.sendAt : (row.settledAt ?? row.sendAt);
  return {
    ...row,
    sendOn: dayKeyOf(row.sendAt, timeZone),
    when: `${row.status === "SCHEDULED" ? "Goes" : SCHEDULED_EMAIL_STATUS_LABELS[row.status]} ${formatDateTime(at, timeZone)}`,
  };
}
