import { z } from "zod";
import { dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { defineEmailKind } from "@/lib/email/kind";
import { formatMoney } from "@/lib/money";
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
 * (`daysFromDue`). Not sent if the installment was paid, or its invoice voided, meanwhile.
 */
export const installmentReminder = defineEmailKind({
  params: z.object({ reminderId: z.string(), daysFromDue: z.number().int() }),
  async render({ tx, origin, studioId }, { reminderId, daysFromDue }) {
    const reminder = await tx.reminder.findFirst({
      where: {
        id: reminderId,
        studioId: studioId ?? undefined,
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
                studio: { select: { name: true, locale: true } },
                job: { select: { brand: { select: { name: true } }, contact: { select: { name: true } } } },
              },
            },
          },
        },
      },
    });
    if (!reminder) return null;
    const { installment } = reminder;
    const { invoice } = installment;
    const due = formatMoney(installment.amountMinor - installment.paidMinor, {
      currency: invoice.currency,
      locale: invoice.studio.locale,
    });
    const when = formatShortDayKey(dayKeyOfDateColumn(installment.dueOn));
    const what = `your ${installment.label.toLowerCase()} of ${due} for ${invoice.title} (invoice ${invoice.number})`;
    return {
      sender: invoice.job.brand.name,
      subject:
        daysFromDue > 0
          ? `Overdue: ${due} for ${invoice.title}`
          : `Reminder: ${due} ${describeDueIn(daysFromDue)} for ${invoice.title}`,
      text: [
        `Hi ${invoice.job.contact.name},`,
        "",
        daysFromDue > 0
          ? `${what[0].toUpperCase()}${what.slice(1)} was due on ${when} and is now ${describeDueIn(daysFromDue)}.`
          : `A friendly reminder from ${invoice.studio.name}: ${what} is ${describeDueIn(daysFromDue)} (${when}).`,
        "",
        "See the invoice and pay here:",
        invoiceUrl(origin, linkToken("invoice", invoice.id)),
      ].join("\n"),
    };
  },
});
