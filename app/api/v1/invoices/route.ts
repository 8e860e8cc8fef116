import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiInvoiceSummary } from "@/lib/api/resources";
import { findInvoicePage } from "@/lib/invoices/queries";
import { invoiceListParams } from "@/lib/invoices/schemas";

export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = invoiceListParams.parse(query);
  return pageOf(await findInvoicePage(db, { studioId: principal.user.studioId, ...params }), toApiInvoiceSummary);
});
