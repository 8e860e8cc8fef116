import { defineApiRead } from "@/lib/api/handlers";
import { toApiInvoice } from "@/lib/api/resources";
import { notFound } from "@/lib/errors";
import { findInvoice } from "@/lib/invoices/queries";

export const GET = defineApiRead<{ id: string }>(async ({ principal, db, params }) => {
  const invoice = await findInvoice(db, { studioId: principal.user.studioId, invoiceId: params.id });
  if (!invoice) throw notFound("That invoice");
  return toApiInvoice(invoice);
});
