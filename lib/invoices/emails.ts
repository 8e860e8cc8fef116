import { dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { formatMoney, type MoneyFormat } from "@/lib/money";

// Every email billing sends, in one place: the invoice, receipts and reminders. Each is queued
// in the transaction of the change that causes it (the outbox) and carries its own client link.

type Studio = { name: string; money: MoneyFormat };
type Recipient = { studioId: string; to: string; clientName: string };
type Schedule = { label: string; amountMinor: number; dueOn: Date }[];

const scheduleLines = (schedule: Schedule, money: MoneyFormat) =>
  schedule.map((i) => `- ${i.label}: ${formatMoney(i.amountMinor, money)} due ${formatShortDayKey(dayKeyOfDateColumn(i.dueOn))}`);

export async function queueInvoiceEmail(
  tx: Tx,
  { studio, recipient, invoice, link }: { studio: Studio; recipient: Recipient; invoice: { number: number; title: string; totalMinor: number; schedule: Schedule }; link: string },
) {
  return queueEmail(tx, {
    studioId: recipient.studioId,
    kind: "invoice.sent",
    to: recipient.to,
    subject: `Invoice ${invoice.number} from ${studio.name}: ${invoice.title}`,
    text: [
      `Hi ${recipient.clientName},`,
      "",
      `${studio.name} has sent you invoice ${invoice.number} for ${invoice.title}, ${formatMoney(invoice.totalMinor, studio.money)} in total.`,
      "",
      "Payment schedule:",
      ...scheduleLines(invoice.schedule, studio.money),
      "",
      "See the invoice and pay here:",
      link,
    ].join("\n"),
  });
}

export async function queueReceiptEmail(
  tx: Tx,
  {
    studio,
    recipient,
    payment,
    invoice,
    link,
  }: {
    studio: Studio;
    recipient: Recipient;
    payment: { kind: "PAYMENT" | "REFUND"; amountMinor: number; method: string; receivedOn: string };
    invoice: { number: number; title: string; totalMinor: number; paidMinor: number };
    link: string;
  },
) {
  const amount = formatMoney(payment.amountMinor, studio.money);
  const isRefund = payment.kind === "REFUND";
  return queueEmail(tx, {
    studioId: recipient.studioId,
    kind: isRefund ? "payment.refund" : "payment.receipt",
    to: recipient.to,
    subject: isRefund ? `Refund of ${amount} from ${studio.name}` : `Receipt: ${amount} paid to ${studio.name}`,
    text: [
      `Hi ${recipient.clientName},`,
      "",
      isRefund
        ? `${studio.name} has refunded ${amount} on invoice ${invoice.number} (${invoice.title}) on ${formatShortDayKey(payment.receivedOn)}.`
        : `Thank you! ${studio.name} received your payment of ${amount} (${payment.method}) on ${formatShortDayKey(payment.receivedOn)} for invoice ${invoice.number} (${invoice.title}).`,
      "",
      `Paid so far: ${formatMoney(invoice.paidMinor, studio.money)} of ${formatMoney(invoice.totalMinor, studio.money)}.`,
      invoice.paidMinor >= invoice.totalMinor ? "Your invoice is paid in full." : `Still to pay: ${formatMoney(invoice.totalMinor - invoice.paidMinor, studio.money)}.`,
      "",
      "Your invoice:",
      link,
    ].join("\n"),
  });
}

/** "due in 7 days", "due today", "3 days overdue": days from the due date, negative before it. */
export function describeDueIn(daysFromDue: number): string {
  if (daysFromDue < 0) return `due in ${-daysFromDue} day${daysFromDue === -1 ? "" : "s"}`;
  if (daysFromDue === 0) return "due today";
  return `${daysFromDue} day${daysFromDue === 1 ? "" : "s"} overdue`;
}

export async function queueReminderEmail(
  tx: Tx,
  {
    studio,
    recipient,
    installment,
    invoice,
    daysFromDue,
    link,
  }: {
    studio: Studio;
    recipient: Recipient;
    installment: { label: string; amountMinor: number; paidMinor: number; dueOn: Date };
    invoice: { number: number; title: string };
    daysFromDue: number;
    link: string;
  },
) {
  const due = formatMoney(installment.amountMinor - installment.paidMinor, studio.money);
  const when = formatShortDayKey(dayKeyOfDateColumn(installment.dueOn));
  return queueEmail(tx, {
    studioId: recipient.studioId,
    kind: "installment.reminder",
    to: recipient.to,
    subject: daysFromDue > 0 ? `Overdue: ${due} for ${invoice.title}` : `Reminder: ${due} ${describeDueIn(daysFromDue)} for ${invoice.title}`,
    text: [
      `Hi ${recipient.clientName},`,
      "",
      daysFromDue > 0
        ? `Your ${installment.label.toLowerCase()} of ${due} for ${invoice.title} (invoice ${invoice.number}) was due on ${when} and is now ${describeDueIn(daysFromDue)}.`
        : `A friendly reminder from ${studio.name}: your ${installment.label.toLowerCase()} of ${due} for ${invoice.title} (invoice ${invoice.number}) is ${describeDueIn(daysFromDue)} (${when}).`,
      "",
      "See the invoice and pay here:",
      link,
    ].join("\n"),
  });
}
