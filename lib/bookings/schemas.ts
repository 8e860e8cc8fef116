import { z } from "zod";
import { recordId } from "@/lib/fields";
import { pageParams, searchParam } from "@/lib/search-params";

export const confirmBookingSchema = z.object({ bookingId: recordId });

/** The list's URL: bookings to review (the default) or confirmed ones. */
export const bookingListParams = z.object({
  show: searchParam.pipe(z.enum(["review", "confirmed"]).default("review")).catch("review"),
  ...pageParams,
});
