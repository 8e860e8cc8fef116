import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Db, type Tx } from "@/lib/db";
import { confirmBooking } from "@/lib/bookings/mutations";
import { findBookingPage } from "@/lib/bookings/queries";
import { countWhatsNew } from "@/lib/dashboard/queries";
import { confirmBookingSchema } from "@/lib/bookings/schemas";
import { hashToken } from "@/lib/tokens";
import { createJob, createStudio, newToken } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();

async function acceptedBooking(studioId: string, brandId?: string) {
  const job = await createJob(db(), { studioId, status: "PROPOSED", ...(brandId ? { brandId } : {}) });
  const proposal = await db().proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Collection",
      status: "ACCEPTED",
      tokenHash: hashToken(newToken()),
      expiresAt: new Date(Date.now() + 86_400_000),
      items: { create: [{ position: 0, description: "Coverage", unitPriceCents: 100_000 }] },
    },
  });
  const booking = await db().booking.create({ data: { studioId, jobId: job.id, proposalId: proposal.id } });
  return { job, booking };
}

describe("confirmBooking", () => {
  it("confirms the booking and marks the job booked", async () => {
    const { studio } = await createStudio(db());
    const { job, booking } = await acceptedBooking(studio.id);
    const now = new Date("2027-01-05T10:00:00Z");
    await inTx((tx) => confirmBooking(tx, { studioId: studio.id, bookingId: booking.id, now }));
    expect(await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CONFIRMED",
      confirmedAt: now,
    });
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("BOOKED");
  });

  it("refuses to confirm twice", async () => {
    const { studio } = await createStudio(db());
    const { booking } = await acceptedBooking(studio.id);
    await inTx((tx) => confirmBooking(tx, { studioId: studio.id, bookingId: booking.id }));
    await expect(
      inTx((tx) => confirmBooking(tx, { studioId: studio.id, bookingId: booking.id })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This booking is already confirmed." });
  });

  it("treats another studio's booking as missing and leaves it and its job unchanged", async () => {
    const mine = await createStudio(db());
    const theirs = await createStudio(db());
    const { job, booking } = await acceptedBooking(theirs.studio.id);
    await expect(
      inTx((tx) => confirmBooking(tx, { studioId: mine.studio.id, bookingId: booking.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("PENDING_REVIEW");
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("PROPOSED");
  });

  it("rejects a missing booking id", () => {
    expect(confirmBookingSchema.safeParse({ bookingId: "" }).success).toBe(false);
  });
});

const countBookingsToReview = async (db: Db, scope: { studioId: string; brandId?: string }) =>
  (await countWhatsNew(db, { ...scope, from: new Date(), currency: "USD" })).bookingsToReview;

describe("bookings to review", () => {
  it("are counted and listed per brand, oldest first", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    const first = await acceptedBooking(studio.id, brands[0].id);
    const second = await acceptedBooking(studio.id, brands[1].id);
    const read = dbForHost("primary");
    expect(await countBookingsToReview(read, { studioId: studio.id })).toBe(2);
    expect(await countBookingsToReview(read, { studioId: studio.id, brandId: brands[1].id })).toBe(1);
    const page = await findBookingPage(read, { studioId: studio.id, status: "PENDING_REVIEW" });
    expect(page.rows.map((b) => b.id)).toEqual([first.booking.id, second.booking.id]);
    await inTx((tx) => confirmBooking(tx, { studioId: studio.id, bookingId: first.booking.id }));
    expect(await countBookingsToReview(read, { studioId: studio.id })).toBe(1);
    expect((await findBookingPage(read, { studioId: studio.id, status: "CONFIRMED" })).rows.map((b) => b.id)).toEqual([
      first.booking.id,
    ]);
  });
});
