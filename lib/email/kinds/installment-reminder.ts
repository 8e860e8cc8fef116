import { z } from "zod";
import { dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { EMAIL_JOB_SELECT, renderBrandEmail } from "@/lib/email-templates/brand-email";
import { jobEmailValues } from "@/lib/templates/job-values";
import { OVERDUE_EMAIL_KIND, REMINDER_EMAIL_KIND } from "@/lib/email-templates/editable";
import { defineEmailKind } from "@/lib/email/kind";
import { formatMoney } from "@/lib/money";
import { type ReminderFieldKey } from "@/lib/templates/fields";
import { linkToken } from "@/lib/tokens";
import { invoiceUrl } from "@/lib/urls";

/** "due in 7 days", "due today", "3 days overdue": days from the due date, negative before it. */
export function describeDueIn(daysFromDue: number): string {
  if (daysFromDue < 0) return `due in ${-daysFromDue} day${daysFromDue === -1 ? "" : "s"}`;
  if (daysFromDue === 0) return "due today";
  return `${daysFromDue} day${daysFromDue === 1 ? "" : "s"} overdue`;
}

/**
 * A reminder of an installment, worded for the day the billing service queued it
 * (`daysFromDue`): the brand's payment reminder up to the due day, its overdue notice after.
 * Not sent if the installment was paid, or its invoice voided, meanwhile.
 */
export const installmentReminder = defineEmailKind({
  params: z.object({ reminderId: z.string(), daysFromDue: z.number().int() }),
  async render({ tx, origin, studioId }, { reminderId, daysFromDue }) {
    if (!studioId) return null;
    const reminder = await tx.reminder.findFirst({
      where: {
        id: reminderId,
        studioId,
        installment: { status: { not: "PAID" }, invoice: { status: { in: ["SENT", "PARTIALLY_PAID"] } } },
      },
      select: {
        installment: {
          select: {
            label: true,
            amountMinor: true,
            paidMinor: true,
            dueOn: true,
            invoice: {
              select: {
                id: true,
                number: true,
                title: true,
                currency: true,
                studio: { select: { name: true, locale: true, timeZone: true } },
                job: { select: EMAIL_JOB_SELECT },
              },
            },
          },
        },
      },
    });
    if (!reminder) return null;
    const { installment } = reminder;
    const { invoice } = installment;
    const { studio, job } = invoice;
    const money = { currency: invoice.currency, locale: studio.locale };
    const values: Record<ReminderFieldKey, string | null> = {
      ...jobEmailValues(job, studio),
      "invoice.number": String(invoice.number),
      "invoice.title": invoice.title,
      "installment.label": installment.label.toLowerCase(),
      "installment.amount": formatMoney(installment.amountMinor - installment.paidMinor, money),
      "installment.due_date": formatShortDayKey(dayKeyOfDateColumn(installment.dueOn)),
      "installment.due_in": describeDueIn(daysFromDue),
      "invoice.link": invoiceUrl(origin, linkToken("invoice", invoice.id)),
    };
    const kind = daysFromDue > 0 ? OVERDUE_EMAIL_KIND : REMINDER_EMAIL_KIND;
    return renderBrandEmail(tx, { studioId, brand: job.brand, kind, values });
  },
});
