import { env } from "@/lib/env";
import { type PaymentProvider } from "@/lib/payments/provider";
import { createStripeProvider } from "@/lib/payments/stripe";

let configured: PaymentProvider | null | undefined;

/** The configured provider (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET), or null. */
export function paymentProvider(): PaymentProvider | null {
  if (configured !== undefined) return configured;
  const { STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_HOST, STRIPE_API_PORT, STRIPE_API_PROTOCOL } = env();
  configured =
    STRIPE_SECRET_KEY && STRIPE_WEBHOOK_SECRET
      ? createStripeProvider({
          secretKey: STRIPE_SECRET_KEY,
          webhookSecret: STRIPE_WEBHOOK_SECRET,
          host: STRIPE_API_HOST,
          port: STRIPE_API_PORT,
          protocol: STRIPE_API_PROTOCOL,
        })
      : null;
  return configured;
}
