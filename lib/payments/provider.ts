// Card payments go through one interface; the Stripe adapter (lib/payments/stripe.ts) is the
// only implementation. With no provider configured, clients are told how to pay offline.

export type CheckoutRequest = {
  /** Our own reference: sent as the idempotency key and echoed in the provider's events. */
  reference: string;
  amountMinor: number;
  currency: string;
  description: string;
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
  metadata: Record<string, string>;
};

export type Checkout = { sessionId: string; url: string };

/**
 * What a verified webhook means to ShootQ; anything else is "ignored". `studioId` is the one
 * ShootQ put in the checkout's metadata (null for a checkout some other integration started): the
 * provider's ids are unique within a studio, like every other key.
 */
export type ProviderEvent =
  | {
      kind: "checkout.paid";
      eventId: string;
      studioId: string | null;
      sessionId: string;
      paymentId: string;
      amountMinor: number;
      currency: string;
      paidAt: Date;
    }
  | { kind: "checkout.expired"; eventId: string; studioId: string | null; sessionId: string }
  | { kind: "ignored"; eventId: string; type: string };

export type PaymentProvider = {
  name: string;
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Verifies the signature of a webhook's exact body; throws WebhookSignatureError when it is not the provider's. */
  readWebhook(body: string, header: (name: string) => string | null): ProviderEvent;
};

export class WebhookSignatureError extends Error {}

/** The provider cannot be reached or refused the request: nothing was charged. */
export class ProviderUnavailableError extends Error {}
