"use server";

import { WEBHOOK_LOG_PAGES } from "@/lib/webhooks/events";
import { defineAction } from "@/lib/actions";
import {
  createInvoice,
  createInvoiceFromProposal,
  sendInvoice,
  updateDraftInvoice,
  voidInvoice,
} from "@/lib/invoices/mutations";
import {
  createInvoiceFromProposalSchema,
  createInvoiceSchema,
  invoiceIdSchema,
  recordPaymentSchema,
  updateInvoiceSchema,
  voidInvoiceSchema,
} from "@/lib/invoices/schemas";
import { recordPayment } from "@/lib/payments/mutations";

/** Every page an invoice's state shows on, the client's page among them (it lists invoices and emails). */
const invoicePaths = (invoiceId: string, jobId: string) => [
  "/invoices",
  `/invoices/${invoiceId}`,
  `/jobs/${jobId}`,
  "/dashboard",
  "/clients",
  "/reports",
];

export const createInvoiceAction = defineAction({
  access: "studio",
  schema: createInvoiceSchema,
  async run({ tx, input, user }) {
    const invoice = await createInvoice(tx, { studioId: user.studioId, input });
    return { revalidate: invoicePaths(invoice.id, invoice.jobId), redirectTo: `/invoices/${invoice.id}` };
  },
});

export const createInvoiceFromProposalAction = defineAction({
  access: "studio",
  schema: createInvoiceFromProposalSchema,
  async run({ tx, input, user }) {
    const invoice = await createInvoiceFromProposal(tx, { studioId: user.studioId, proposalId: input.proposalId });
    return { revalidate: invoicePaths(invoice.id, invoice.jobId), redirectTo: `/invoices/${invoice.id}` };
  },
});

export const updateInvoiceAction = defineAction({
  access: "studio",
  schema: updateInvoiceSchema,
  async run({ tx, input, user }) {
    const invoice = await updateDraftInvoice(tx, { studioId: user.studioId, input });
    return { revalidate: invoicePaths(invoice.id, invoice.jobId), redirectTo: `/invoices/${invoice.id}` };
  },
});

export const sendInvoiceAction = defineAction({
  access: "studio",
  schema: invoiceIdSchema,
  async run({ tx, input, user }) {
    const invoice = await sendInvoice(tx, { studioId: user.studioId, invoiceId: input.invoiceId });
    return {
      revalidate: [...invoicePaths(invoice.id, invoice.jobId), "/emails", WEBHOOK_LOG_PAGES],
      message: "Invoice sent. Your client will get an email with their link.",
    };
  },
});

export const voidInvoiceAction = defineAction({
  access: "studio",
  schema: voidInvoiceSchema,
  async run({ tx, input, user }) {
    const { jobId, reissuedId } = await voidInvoice(tx, {
      studioId: user.studioId,
      invoiceId: input.invoiceId,
      reissue: input.reissue,
    });
    const paths = [...invoicePaths(input.invoiceId, jobId), ...(reissuedId ? [`/invoices/${reissuedId}`] : [])];
    return reissuedId
      ? {
          revalidate: paths,
          redirectTo: `/invoices/${reissuedId}`,
          flash: "Invoice voided. This corrected draft replaces it; payments received moved here.",
        }
      : { revalidate: paths, message: "Invoice voided." };
  },
});

export const recordPaymentAction = defineAction({
  access: "studio",
  schema: recordPaymentSchema,
  async run({ tx, input, user }) {
    const result = await recordPayment(tx, { studioId: user.studioId, userId: user.id, input });
    return {
      revalidate: [...invoicePaths(result.invoiceId, result.jobId), "/bookings", "/emails", WEBHOOK_LOG_PAGES],
      message: result.message,
    };
  },
});
