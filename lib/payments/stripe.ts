import Stripe from "stripe";
import {
  ProviderUnavailableError,
  WebhookSignatureError,
  type CheckoutRequest,
  type PaymentProvider,
  type ProviderEvent,
} from "@/lib/payments/provider";

export type StripeSettings = {
  secretKey: string;
  webhookSecret: string;
  /** Where the API is (tests point the official client at a local stand-in). */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
};

/**
 * Stripe Checkout through the official client: a hosted payment page per installment, and
 * webhooks verified with the library's own signature check.
 */
export function createStripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = new Stripe(settings.secretKey, {
    host: settings.host,
    port: settings.port,
    protocol: settings.protocol,
    // A client is waiting on the page: fail fast rather than hold their request.
    timeout: 10_000,
    maxNetworkRetries: 1,
    telemetry: false,
  });

  return {
    name: "stripe",
    async createCheckout(request: CheckoutRequest) {
      try {
        const session = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: request.currency.toLowerCase(),
                  unit_amount: request.amountMinor,
                  product_data: { name: request.description },
                },
              },
            ],
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
            client_reference_id: request.reference,
            ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
            metadata: request.metadata,
            payment_intent_data: { metadata: request.metadata },
          },
          { idempotencyKey: request.reference },
        );
        if (!session.url)
          throw new ProviderUnavailableError("Stripe returned a checkout session without a payment page");
        return { sessionId: session.id, url: session.url };
      } catch (error) {
        if (error instanceof ProviderUnavailableError) throw error;
        throw new ProviderUnavailableError(`Stripe refused the checkout: ${(error as Error).message}`);
      }
    },
    readWebhook(body: string, header: (name: string) => string | null): ProviderEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(body, header("stripe-signature") ?? "", settings.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      if (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") {
        const session = event.data.object;
        // A completed session may still be waiting for a bank debit: paid only when Stripe says so.
        if (session.payment_status !== "paid")
          return { kind: "ignored", eventId: event.id, type: `${event.type} (${session.payment_status})` };
        const paymentIntent =
          typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
        return {
          kind: "checkout.paid",
          eventId: event.id,
          studioId: session.metadata?.studioId ?? null,
          sessionId: session.id,
          // The same payment reported by both events has one id: it is recorded once.
          paymentId: paymentIntent ?? session.id,
          amountMinor: session.amount_total ?? 0,
          currency: (session.currency ?? "").toUpperCase(),
          paidAt: new Date(event.created * 1000),
        };
      }
      if (event.type === "checkout.session.expired") {
        const session = event.data.object;
        return {
          kind: "checkout.expired",
          eventId: event.id,
          studioId: session.metadata?.studioId ?? null,
          sessionId: session.id,
        };
      }
      return { kind: "ignored", eventId: event.id, type: event.type };
    },
  };
}
