import { z } from "zod";
import { recordId } from "@/lib/contacts/schemas";

export const confirmBookingSchema = z.object({ bookingId: recordId });
