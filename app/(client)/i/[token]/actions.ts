"use server";

import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { startCheckoutSchema } from "@/lib/invoices/schemas";
import { paymentProvider } from "@/lib/payments/configured-provider";
import { startCheckout } from "@/lib/payments/mutations";
import { publicOrigin } from "@/lib/urls";

/** The client pays by card: off to the provider's payment page, which brings them back here. */
export const startCheckoutAction = defineAction({
  access: "public",
  schema: startCheckoutSchema,
  async run({ tx, input }) {
    const provider = paymentProvider();
    if (!provider)
      throw new AppError("CONFLICT", "Card payments are not available. The page explains how to pay the studio.");
    const { url } = await startCheckout(tx, {
      token: input.token,
      installmentId: input.installmentId,
      origin: await publicOrigin(),
      provider,
    });
    return { revalidate: [], redirectTo: url };
  },
});
