import { type Db } from "@/lib/db";
import { findKeysetPage, type PageRequest } from "@/lib/pagination";
import { type Prisma } from "@/prisma/generated/prisma/client";

const listSelect = {
  id: true,
  kind: true,
  method: true,
  amountMinor: true,
  currency: true,
  receivedAt: true,
  reference: true,
  note: true,
  invoice: {
    select: {
      id: true,
      number: true,
      title: true,
      job: { select: { title: true, contact: { select: { name: true } } } },
    },
  },
} satisfies Prisma.PaymentSelect;

export type PaymentListRow = Prisma.PaymentGetPayload<{ select: typeof listSelect }>;

/** Payments and refunds received, newest first (index on studioId, receivedAt); the brand goes through the invoice's job. */
export function findPaymentPage(
  db: Db,
  { studioId, brandId, size, ...request }: { studioId: string; brandId?: string; size?: number } & PageRequest,
) {
  return findKeysetPage<PaymentListRow>({
    sections: [
      { where: { studioId, ...(brandId ? { invoice: { job: { brandId } } } : {}) }, key: "receivedAt", dir: "desc" },
    ],
    request,
    size,
    fetch: ({ where, orderBy, take }) =>
      db.payment.findMany({
        where: where as Prisma.PaymentWhereInput,
        orderBy: orderBy as Prisma.PaymentOrderByWithRelationInput[],
        take,
        select: listSelect,
      }),
    keyOf: (row) => row.receivedAt,
  });
}
