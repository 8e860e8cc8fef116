"use server";

import { confirmEmail } from "@/lib/account/mutations";
import { confirmEmailSchema } from "@/lib/account/schemas";
import { defineAction } from "@/lib/actions";

export const confirmEmailAction = defineAction({
  access: "public",
  schema: confirmEmailSchema,
  async run({ tx, input }) {
    const user = await confirmEmail(tx, { token: input.token });
    return { revalidate: ["*"], signInAs: user, redirectTo: "/dashboard", flash: `${user.email} is confirmed.` };
  },
});
