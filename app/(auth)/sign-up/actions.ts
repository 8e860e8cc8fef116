"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { clientAddress } from "@/lib/client-address";
import { signUpStudio } from "@/lib/studios/mutations";
import { signUpSchema } from "@/lib/studios/schemas";

export const signUpAction = defineAction({
  access: "public",
  schema: signUpSchema,
  async run({ tx, input }) {
    await signUpStudio(tx, { ...input, address: clientAddress(await headers()) });
    // The same answer whether or not the address has an account: the email says which.
    return {
      revalidate: [],
      message: `Check your email: we sent a message to ${input.email} to finish creating your studio.`,
    };
  },
});
