import Link from "next/link";
import { ExportLink } from "@/components/exports/export-link";
import { Pagination } from "@/components/ui/pagination";
import { InvoiceStatusBadge } from "@/components/pipeline/status-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { ViewTabs } from "@/components/ui/filter-bar";
import { requireStudioContext } from "@/lib/auth/context";
import { dayKeyOfDateColumn, formatShortDayKey } from "@/lib/calendar/zoned";
import { findInvoicePage } from "@/lib/invoices/queries";
import { INVOICE_VIEWS, invoiceListParams, type InvoiceView } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money";
import { type SearchParams } from "@/lib/search-params";

export const metadata = { title: "Invoices" };

type Props = { searchParams: Promise<SearchParams> };

const EMPTY: Record<InvoiceView, string> = {
  all: "No invoices yet. Create one from an accepted proposal or on a job.",
  due: "Nothing is due. Every sent invoice is paid.",
  overdue: "No payments are overdue.",
  paid: "No paid invoices yet.",
  draft: "No drafts.",
  void: "No void invoices.",
};

export default async function InvoicesPage({ searchParams }: Props) {
  const { user, db, studio, brandId } = await requireStudioContext();
  const params = invoiceListParams.parse(await searchParams);
  const page = await findInvoicePage(db, { studioId: user.studioId, brandId, ...params });
  return (
    <>
      <PageHeader title="Invoices">
        <ExportLink list="invoices" params={{ view: params.view }} />
        <ExportLink list="payments" label="Export payments CSV" />
      </PageHeader>
      <Card>
        <ViewTabs
          label="Invoice views"
          className="mb-4 flex flex-wrap gap-1"
          views={(Object.entries(INVOICE_VIEWS) as [InvoiceView, string][]).map(([view, label]) => ({
            href: `/invoices?view=${view}`,
            label,
            isCurrent: params.view === view,
          }))}
        />
        {page.rows.length === 0 ? (
          <EmptyState>{EMPTY[params.view]}</EmptyState>
        ) : (
          <DataTable
            caption="Invoices"
            columns={[
              "Invoice",
              "Client",
              "Job",
              <span key="total" className="block text-right">
                Total
              </span>,
              <span key="balance" className="block text-right">
                Balance
              </span>,
              "Next due",
              "Status",
            ]}
          >
            {page.rows.map((invoice) => {
              const money = { currency: invoice.currency, locale: studio.locale };
              return (
                <tr key={invoice.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    <Link href={`/invoices/${invoice.id}`} className="font-medium text-brand-700 hover:underline">
                      {invoice.number} · {invoice.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{invoice.job.contact.name}</td>
                  <td className="py-2 pr-3">
                    <Link href={`/jobs/${invoice.job.id}`} className="hover:underline">
                      {invoice.job.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-3 text-right">{formatMoney(invoice.totalMinor, money)}</td>
                  <td className="py-2 pr-3 text-right">
                    {invoice.status === "VOID" ? "—" : formatMoney(invoice.totalMinor - invoice.paidMinor, money)}
                  </td>
                  <td className="py-2 pr-3">
                    {invoice.nextDueOn && invoice.status !== "DRAFT"
                      ? formatShortDayKey(dayKeyOfDateColumn(invoice.nextDueOn))
                      : "—"}
                  </td>
                  <td className="py-2">
                    <InvoiceStatusBadge status={invoice.status} isOverdue={Boolean(invoice.overdueSince)} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <Pagination
          basePath="/invoices"
          params={{ view: params.view }}
          next={page.next}
          prev={page.prev}
          label="Invoices pages"
        />
      </Card>
    </>
  );
}
