"use server";

import { defineAction } from "@/lib/actions";
import { rotateCalendarFeed } from "@/lib/calendar/mutations";
import { rotateCalendarFeedSchema } from "@/lib/calendar/schemas";

export const rotateCalendarFeedAction = defineAction({
  access: "studio",
  schema: rotateCalendarFeedSchema,
  async run({ tx, user }) {
    await rotateCalendarFeed(tx, { studioId: user.studioId, userId: user.id });
    return {
      revalidate: ["/calendar"],
      message: "Your calendar has a new address. Subscribe to it again; the old one no longer works.",
    };
  },
});
