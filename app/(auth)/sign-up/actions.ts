"use server";

import { defineAction } from "@/lib/actions";
import { createStudioWithOwner } from "@/lib/studios/mutations";
import { signUpSchema } from "@/lib/studios/schemas";

export const signUp = defineAction({
  access: "public",
  schema: signUpSchema,
  async run({ tx, input }) {
    await createStudioWithOwner(tx, input);
    return { revalidate: [], message: "Your studio is ready." };
  },
});
