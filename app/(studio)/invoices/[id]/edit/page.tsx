import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireStudioContext } from "@/lib/auth/context";
import { findInvoice } from "@/lib/invoices/queries";
import { formatMoneyInput, formatPercent } from "@/lib/money";
import { findScheduleTemplates } from "@/lib/schedules/queries";
import { InvoiceForm } from "../../_components/invoice-form";

export const metadata = { title: "Edit invoice" };

type Props = { params: Promise<{ id: string }> };

export default async function EditInvoicePage({ params }: Props) {
  const { user, db, money } = await requireStudioContext();
  const [invoice, schedules] = await Promise.all([
    findInvoice(db, { studioId: user.studioId, invoiceId: (await params).id.slice(0, 64) }),
    findScheduleTemplates(db, { studioId: user.studioId }),
  ]);
  if (!invoice) notFound();
  if (invoice.status !== "DRAFT") {
    return (
      <>
        <PageHeader title={`Invoice ${invoice.number}`} />
        <Card>
          <p className="text-sm text-slate-700">
            This invoice was sent and can no longer change.{" "}
            <Link href={`/invoices/${invoice.id}`} className="text-brand-600 hover:underline">
              Back to the invoice
            </Link>
          </p>
        </Card>
      </>
    );
  }
  const format = { currency: invoice.currency, locale: money.locale };
  const amount = (minor: number) => (minor ? formatMoneyInput(minor, format) : "");
  return (
    <>
      <PageHeader title={`Edit invoice ${invoice.number}`}>
        <Link href={`/invoices/${invoice.id}`} className="text-sm text-brand-600 hover:underline">
          Back to the invoice
        </Link>
      </PageHeader>
      <Card>
        <div className="max-w-3xl">
          <InvoiceForm
            mode="edit"
            invoiceId={invoice.id}
            money={format}
            schedules={schedules}
            defaults={{
              title: invoice.title,
              lines: invoice.lines.map((l) => ({
                description: l.description,
                quantity: String(l.quantity),
                unitPrice: formatMoneyInput(l.unitPriceMinor, format),
                taxRate: l.taxRateBps ? formatPercent(l.taxRateBps, format) : "",
              })),
              discount: amount(invoice.discountMinor),
              retainer: amount(invoice.depositMinor),
              scheduleId: invoice.scheduleTemplateId ?? "",
              note: invoice.note ?? "",
            }}
          />
        </div>
      </Card>
    </>
  );
}
