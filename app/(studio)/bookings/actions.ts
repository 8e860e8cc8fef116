"use server";

import { defineAction } from "@/lib/actions";
import { confirmBooking } from "@/lib/bookings/mutations";
import { confirmBookingSchema } from "@/lib/bookings/schemas";

export const confirmBookingAction = defineAction({
  access: "studio",
  schema: confirmBookingSchema,
  async run({ tx, input, user }) {
    const { jobId } = await confirmBooking(tx, { studioId: user.studioId, bookingId: input.bookingId });
    return {
      revalidate: ["/bookings", "/jobs", `/jobs/${jobId}`, "/dashboard", "/clients", "/reports"],
      message: "Booking confirmed.",
    };
  },
});
