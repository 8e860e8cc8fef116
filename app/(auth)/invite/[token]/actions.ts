"use server";

import { defineAction } from "@/lib/actions";
import { acceptInvite } from "@/lib/team/mutations";
import { acceptInviteSchema } from "@/lib/team/schemas";

export const acceptInviteAction = defineAction({
  access: "public",
  schema: acceptInviteSchema,
  async run({ tx, input }) {
    const user = await acceptInvite(tx, input);
    return { revalidate: ["*"], signInAs: user, redirectTo: "/dashboard" };
  },
});
