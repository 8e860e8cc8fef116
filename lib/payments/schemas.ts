import { z } from "zod";

const id = z.string().min(1).max(255);

/** A provider event as the adapter reads it from a verified webhook. */
export const providerEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("checkout.paid"),
    eventId: id,
    studioId: id.nullable(),
    sessionId: id,
    paymentId: id,
    amountMinor: z.number().int().min(0),
    currency: z.string().max(3),
    paidAt: z.date(),
  }),
  z.object({ kind: z.literal("checkout.expired"), eventId: id, studioId: id.nullable(), sessionId: id }),
  z.object({ kind: z.literal("ignored"), eventId: id, type: z.string().max(200) }),
]);
