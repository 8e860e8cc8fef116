"use server";

import { defineAction } from "@/lib/actions";
import { createStudioWithOwner } from "@/lib/studios/mutations";
import { signUpSchema } from "@/lib/studios/schemas";

export const signUp = defineAction({
  access: "public",
  schema: signUpSchema,
  async run({ tx, input }) {
    await createStudioWithOwner(tx, input);
    // Everything this studio will see is brand new: every page reads from the primary until
    // a replica has it.
    return { revalidate: ["*"], message: "Your studio is ready." };
  },
});
