import { z } from "zod";
import { dayKeyOf, formatShortDayKey } from "@/lib/calendar/zoned";
import { defineEmailKind } from "@/lib/email/kind";
import { PAYMENT_METHODS } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { linkToken } from "@/lib/tokens";
import { invoiceUrl } from "@/lib/urls";

/** A receipt for a payment, or a note of a refund, with where the invoice stands. */
export const paymentReceipt = defineEmailKind({
  params: z.object({ paymentId: z.string() }),
  async render({ tx, origin, studioId }, { paymentId }) {
    const payment = await tx.payment.findFirst({
      where: { id: paymentId, studioId: studioId ?? undefined },
      select: {
        kind: true,
        method: true,
        amountMinor: true,
        receivedAt: true,
        invoice: {
          select: {
            id: true,
            number: true,
            title: true,
            currency: true,
            totalMinor: true,
            paidMinor: true,
            studio: { select: { name: true, locale: true, timeZone: true } },
            job: { select: { brand: { select: { name: true } }, contact: { select: { name: true } } } },
          },
        },
      },
    });
    if (!payment) return null;
    const { invoice } = payment;
    const money = { currency: invoice.currency, locale: invoice.studio.locale };
    const amount = formatMoney(payment.amountMinor, money);
    const on = formatShortDayKey(dayKeyOf(payment.receivedAt, invoice.studio.timeZone));
    const isRefund = payment.kind === "REFUND";
    return {
      sender: invoice.job.brand.name,
      subject: isRefund
        ? `Refund of ${amount} from ${invoice.studio.name}`
        : `Receipt: ${amount} paid to ${invoice.studio.name}`,
      text: [
        `Hi ${invoice.job.contact.name},`,
        "",
        isRefund
          ? `${invoice.studio.name} has refunded ${amount} on invoice ${invoice.number} (${invoice.title}) on ${on}.`
          : `Thank you! ${invoice.studio.name} received your payment of ${amount} (${PAYMENT_METHODS[payment.method].toLowerCase()}) on ${on} for invoice ${invoice.number} (${invoice.title}).`,
        "",
        `Paid so far: ${formatMoney(invoice.paidMinor, money)} of ${formatMoney(invoice.totalMinor, money)}.`,
        invoice.paidMinor >= invoice.totalMinor
          ? "Your invoice is paid in full."
          : `Still to pay: ${formatMoney(invoice.totalMinor - invoice.paidMinor, money)}.`,
        "",
        "Your invoice:",
        invoiceUrl(origin, linkToken("invoice", invoice.id)),
      ].join("\n"),
    };
  },
});
