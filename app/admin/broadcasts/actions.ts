"use server";

import { defineAction } from "@/lib/actions";
import { createBroadcast } from "@/lib/broadcasts/mutations";
import { createBroadcastSchema } from "@/lib/broadcasts/schemas";

// access "admin": anyone else gets NOT_FOUND from the wrapper before the input is even read.
export const createBroadcastAction = defineAction({
  access: "admin",
  schema: createBroadcastSchema,
  async run({ tx, input, user }) {
    await createBroadcast(tx, { adminId: user.id, ...input });
    return {
      revalidate: ["/admin/broadcasts", "/dashboard"],
      message: "Broadcast scheduled. Photographers see it on their dashboard while it runs.",
    };
  },
});
