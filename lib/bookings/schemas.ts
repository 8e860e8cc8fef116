import { z } from "zod";
import { recordId } from "@/lib/fields";

export const confirmBookingSchema = z.object({ bookingId: recordId });
