import { z } from "zod";
import { dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { defineEmailKind } from "@/lib/email/kind";
import { formatMoney } from "@/lib/money";
import { linkToken } from "@/lib/tokens";
import { invoiceUrl } from "@/lib/urls";

/** A sent invoice, its payment schedule and the client's link; not sent once the invoice is void. */
export const invoiceSent = defineEmailKind({
  params: z.object({ invoiceId: z.string() }),
  async render({ tx, origin, studioId }, { invoiceId }) {
    const invoice = await tx.invoice.findFirst({
      where: { id: invoiceId, studioId: studioId ?? undefined, status: { notIn: ["DRAFT", "VOID"] } },
      select: {
        id: true,
        number: true,
        title: true,
        currency: true,
        totalMinor: true,
        installments: {
          orderBy: [{ dueOn: "asc" }, { position: "asc" }],
          select: { label: true, amountMinor: true, dueOn: true },
        },
        studio: { select: { name: true, locale: true } },
        job: { select: { brand: { select: { name: true } }, contact: { select: { name: true } } } },
      },
    });
    if (!invoice) return null;
    const money = { currency: invoice.currency, locale: invoice.studio.locale };
    return {
      sender: invoice.job.brand.name,
      subject: `Invoice ${invoice.number} from ${invoice.studio.name}: ${invoice.title}`,
      text: [
        `Hi ${invoice.job.contact.name},`,
        "",
        `${invoice.studio.name} has sent you invoice ${invoice.number} for ${invoice.title}, ${formatMoney(invoice.totalMinor, money)} in total.`,
        "",
        "Payment schedule:",
        ...invoice.installments.map(
          (i) =>
            `- ${i.label}: ${formatMoney(i.amountMinor, money)} due ${formatShortDayKey(dayKeyOfDateColumn(i.dueOn))}`,
        ),
        "",
        "See the invoice and pay here:",
        invoiceUrl(origin, linkToken("invoice", invoice.id)),
      ].join("\n"),
    };
  },
});
