import { z } from "zod";
import { dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { EMAIL_JOB_SELECT, renderBrandEmail } from "@/lib/email-templates/brand-email";
import { jobEmailValues } from "@/lib/templates/job-values";
import { INVOICE_EMAIL_KIND } from "@/lib/email-templates/editable";
import { defineEmailKind } from "@/lib/email/kind";
import { formatMoney } from "@/lib/money";
import { type InvoiceFieldKey } from "@/lib/templates/fields";
import { linkToken } from "@/lib/tokens";
import { invoiceUrl } from "@/lib/urls";

/** A sent invoice, its payment schedule and the client's link, in the brand's invoice email; not sent once void. */
export const invoiceSent = defineEmailKind({
  params: z.object({ invoiceId: z.string() }),
  async render({ tx, origin, studioId }, { invoiceId }) {
    if (!studioId) return null;
    const invoice = await tx.invoice.findFirst({
      where: { id: invoiceId, studioId, status: { notIn: ["DRAFT", "VOID"] } },
      select: {
        id: true,
        number: true,
        title: true,
        currency: true,
        totalMinor: true,
        installments: {
          where: { studioId },
          orderBy: [{ dueOn: "asc" }, { position: "asc" }],
          select: { label: true, amountMinor: true, dueOn: true },
        },
        studio: { select: { name: true, locale: true, timeZone: true } },
        job: { select: EMAIL_JOB_SELECT },
      },
    });
    if (!invoice) return null;
    const { studio, job } = invoice;
    const money = { currency: invoice.currency, locale: studio.locale };
    const values: Record<InvoiceFieldKey, string | null> = {
      ...jobEmailValues(job, studio),
      "invoice.number": String(invoice.number),
      "invoice.title": invoice.title,
      "invoice.total": formatMoney(invoice.totalMinor, money),
      "invoice.schedule": invoice.installments
        .map(
          (i) =>
            `- ${i.label}: ${formatMoney(i.amountMinor, money)} due ${formatShortDayKey(dayKeyOfDateColumn(i.dueOn))}`,
        )
        .join("\n"),
      "invoice.link": invoiceUrl(origin, linkToken("invoice", invoice.id)),
    };
    return renderBrandEmail(tx, { studioId, brand: job.brand, kind: INVOICE_EMAIL_KIND, values });
  },
});
