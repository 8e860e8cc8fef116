"use server";

import { defineAction } from "@/lib/actions";
import { createStudioWithOwner } from "@/lib/studios/mutations";
import { signUpSchema } from "@/lib/studios/schemas";

export const signUpAction = defineAction({
  access: "public",
  schema: signUpSchema,
  async run({ tx, input }) {
    const { user } = await createStudioWithOwner(tx, input);
    // Everything this studio will see is brand new: every page reads from the primary until
    // a replica has it.
    return { revalidate: ["*"], signInAs: user, redirectTo: "/dashboard" };
  },
});
