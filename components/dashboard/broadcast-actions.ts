"use server";

import { defineAction } from "@/lib/actions";
import { dismissBroadcast } from "@/lib/broadcasts/mutations";
import { dismissBroadcastSchema } from "@/lib/broadcasts/schemas";

export const dismissBroadcastAction = defineAction({
  access: "studio",
  schema: dismissBroadcastSchema,
  async run({ tx, input, user }) {
    await dismissBroadcast(tx, { userId: user.id, broadcastId: input.broadcastId });
    return { revalidate: ["/dashboard"] };
  },
});
