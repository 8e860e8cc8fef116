import { type Db } from "@/lib/db";
import { findKeysetPage, type PageRequest } from "@/lib/pagination";
import { type BookingStatus, type Prisma } from "@/prisma/generated/prisma/client";

type Scope = { studioId: string; brandId?: string };

const bookingSelect = {
  id: true,
  status: true,
  createdAt: true,
  confirmedAt: true,
  job: {
    select: {
      id: true,
      title: true,
      date: true,
      contact: { select: { name: true } },
      brand: { select: { name: true } },
    },
  },
  proposal: {
    select: { title: true, depositCents: true, items: { select: { quantity: true, unitPriceCents: true } } },
  },
} satisfies Prisma.BookingSelect;

export type BookingRow = Prisma.BookingGetPayload<{ select: typeof bookingSelect }>;

const scoped = ({ studioId, brandId }: Scope) => ({ studioId, ...(brandId ? { job: { brandId } } : {}) });

/** Bookings to review oldest first (first come, first confirmed); confirmed ones newest first. */
export function findBookingPage(db: Db, { status, ...rest }: Scope & PageRequest & { status: BookingStatus }) {
  return findKeysetPage<BookingRow>({
    sections: [
      { where: { ...scoped(rest), status }, key: "createdAt", dir: status === "PENDING_REVIEW" ? "asc" : "desc" },
    ],
    request: rest,
    fetch: ({ where, orderBy, take }) =>
      db.booking.findMany({
        where: where as Prisma.BookingWhereInput,
        orderBy: orderBy as Prisma.BookingOrderByWithRelationInput[],
        take,
        select: bookingSelect,
      }),
    keyOf: (row) => row.createdAt,
  });
}
