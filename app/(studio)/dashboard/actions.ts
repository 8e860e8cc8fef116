"use server";

import { defineAction } from "@/lib/actions";
import { dismissBroadcast } from "@/lib/broadcasts/mutations";
import { dismissBroadcastSchema } from "@/lib/broadcasts/schemas";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "@/lib/notifications/schemas";

export const markNotificationReadAction = defineAction({
  access: "studio",
  schema: markNotificationReadSchema,
  async run({ tx, input, user }) {
    await markNotificationRead(tx, { studioId: user.studioId, userId: user.id, notificationId: input.notificationId });
    return { revalidate: ["/dashboard"] };
  },
});

export const markAllNotificationsReadAction = defineAction({
  access: "studio",
  schema: markAllNotificationsReadSchema,
  async run({ tx, user }) {
    await markAllNotificationsRead(tx, { studioId: user.studioId, userId: user.id });
    return { revalidate: ["/dashboard"] };
  },
});

export const dismissBroadcastAction = defineAction({
  access: "studio",
  schema: dismissBroadcastSchema,
  async run({ tx, input, user }) {
    await dismissBroadcast(tx, { userId: user.id, broadcastId: input.broadcastId });
    return { revalidate: ["/dashboard"] };
  },
});
