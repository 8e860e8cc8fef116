"use server";

import { headers } from "next/headers";
import { requestPasswordReset } from "@/lib/account/mutations";
import { requestPasswordResetSchema } from "@/lib/account/schemas";
import { defineAction } from "@/lib/actions";
import { clientAddress } from "@/lib/client-address";

export const requestPasswordResetAction = defineAction({
  access: "public",
  schema: requestPasswordResetSchema,
  async run({ tx, input }) {
    await requestPasswordReset(tx, { email: input.email, address: clientAddress(await headers()) });
    // Said whether or not the address has an account.
    return {
      revalidate: [],
      message: `If ${input.email} has a ShootQ account, we sent it a link to choose a new password. It works for one hour.`,
    };
  },
});
