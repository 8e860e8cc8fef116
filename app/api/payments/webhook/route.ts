import { type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { paymentProvider } from "@/lib/payments/configured-provider";
import { applyProviderEvent } from "@/lib/payments/mutations";
import { WebhookSignatureError } from "@/lib/payments/provider";
import { providerEventSchema } from "@/lib/payments/schemas";
import { defineWriteRoute } from "@/lib/routes";

const MAX_WEBHOOK_BYTES = 256 * 1024;

/** The exact bytes the provider signed, verified before anything is parsed. */
async function readVerifiedEvent(request: NextRequest) {
  const provider = paymentProvider();
  if (!provider) throw new AppError("NOT_FOUND", "Card payments are not set up.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES)
    throw new AppError("VALIDATION", "The request is too large.");
  const body = await request.text();
  try {
    return provider.readWebhook(body, (name) => request.headers.get(name));
  } catch (error) {
    if (error instanceof WebhookSignatureError) throw new AppError("VALIDATION", "The webhook signature is not valid.");
    throw error;
  }
}

/**
 * The payment provider's webhook: one transaction per event. A duplicate, late or out-of-order
 * delivery is answered 200 (so the provider stops retrying) and changes nothing.
 */
export const POST = defineWriteRoute({
  access: "public",
  schema: providerEventSchema,
  readBody: readVerifiedEvent,
  async run({ tx, input }) {
    const result = await applyProviderEvent(tx, { event: input });
    const paths = result.invoiceId
      ? ["/invoices", `/invoices/${result.invoiceId}`, `/jobs/${result.jobId}`, "/dashboard", "/bookings", "/reports"]
      : [];
    return {
      body: { received: true, outcome: result.outcome },
      revalidate: result.outcome === "recorded" || result.outcome === "expired" ? paths : [],
    };
  },
});
