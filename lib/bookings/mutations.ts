import { type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

/** The photographer accepts the client's acceptance: the booking is confirmed and the job booked. */
export async function confirmBooking(
  tx: Tx,
  { studioId, bookingId, now = new Date() }: { studioId: string; bookingId: string; now?: Date },
) {
  const booking = await tx.booking.findFirst({
    where: { id: bookingId, studioId },
    select: { id: true, status: true, jobId: true },
  });
  if (!booking) throw notFound("That booking");
  const { count } = await tx.booking.updateMany({
    where: { id: booking.id, studioId, status: "PENDING_REVIEW" },
    data: { status: "CONFIRMED", confirmedAt: now },
  });
  if (count === 0) throw new AppError("CONFLICT", "This booking is already confirmed.");
  await tx.job.updateMany({ where: { id: booking.jobId, studioId }, data: { status: "BOOKED" } });
  return { jobId: booking.jobId };
}
