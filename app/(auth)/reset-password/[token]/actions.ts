"use server";

import { resetPassword } from "@/lib/account/mutations";
import { resetPasswordSchema } from "@/lib/account/schemas";
import { defineAction } from "@/lib/actions";

export const resetPasswordAction = defineAction({
  access: "public",
  schema: resetPasswordSchema,
  async run({ tx, input }) {
    const user = await resetPassword(tx, { token: input.token, password: input.password });
    // Every other session ended with the reset; this browser starts a new one.
    return {
      revalidate: ["*"],
      signInAs: user,
      redirectTo: user.role === "ADMIN" ? "/admin" : "/dashboard",
      flash: "Your password was changed. Every other session was signed out.",
    };
  },
});
