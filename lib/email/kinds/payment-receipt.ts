import { z } from "zod";
import { dayKeyOf, formatShortDayKey } from "@/lib/calendar/zoned";
import { EMAIL_JOB_SELECT, renderBrandEmail } from "@/lib/email-templates/brand-email";
import { jobEmailValues } from "@/lib/templates/job-values";
import { RECEIPT_EMAIL_KIND } from "@/lib/email-templates/editable";
import { defineEmailKind } from "@/lib/email/kind";
import { PAYMENT_METHODS } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { type ReceiptFieldKey } from "@/lib/templates/fields";
import { linkToken } from "@/lib/tokens";
import { invoiceUrl } from "@/lib/urls";

/**
 * A receipt for a payment, in the brand's wording, or ShootQ's note of a refund, with where the
 * invoice stands.
 */
export const paymentReceipt = defineEmailKind({
  params: z.object({ paymentId: z.string() }),
  async render({ tx, origin, studioId }, { paymentId }) {
    if (!studioId) return null;
    const payment = await tx.payment.findFirst({
      where: { id: paymentId, studioId },
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
            job: { select: EMAIL_JOB_SELECT },
          },
        },
      },
    });
    if (!payment) return null;
    const { invoice } = payment;
    const money = { currency: invoice.currency, locale: invoice.studio.locale };
    const amount = formatMoney(payment.amountMinor, money);
    const on = formatShortDayKey(dayKeyOf(payment.receivedAt, invoice.studio.timeZone));
    const paid = formatMoney(invoice.paidMinor, money);
    const total = formatMoney(invoice.totalMinor, money);
    const balance =
      invoice.paidMinor >= invoice.totalMinor
        ? "Your invoice is paid in full."
        : `Still to pay: ${formatMoney(invoice.totalMinor - invoice.paidMinor, money)}.`;
    const link = invoiceUrl(origin, linkToken("invoice", invoice.id));
    const { studio, job } = invoice;
    if (payment.kind === "REFUND")
      return {
        sender: job.brand.name,
        subject: `Refund of ${amount} from ${studio.name}`,
        text: [
          `Hi ${job.contact.name},`,
          "",
          `${studio.name} has refunded ${amount} on invoice ${invoice.number} (${invoice.title}) on ${on}.`,
          "",
          `Paid so far: ${paid} of ${total}.`,
          balance,
          "",
          "Your invoice:",
          link,
        ].join("\n"),
      };
    const values: Record<ReceiptFieldKey, string | null> = {
      ...jobEmailValues(job, studio),
      "invoice.number": String(invoice.number),
      "invoice.title": invoice.title,
      "invoice.total": total,
      "payment.amount": amount,
      "payment.method": PAYMENT_METHODS[payment.method].toLowerCase(),
      "payment.date": on,
      "invoice.paid": paid,
      "invoice.balance_note": balance,
      "invoice.link": link,
    };
    return renderBrandEmail(tx, { studioId, brand: job.brand, kind: RECEIPT_EMAIL_KIND, values });
  },
});
