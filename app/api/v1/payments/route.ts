import { defineApiRead } from "@/lib/api/handlers";
import { pageOf, toApiPayment } from "@/lib/api/resources";
import { findPaymentPage } from "@/lib/payments/queries";
import { pageParamsSchema } from "@/lib/search-params";

/** Payments and refunds received, newest first: the payments export's list. */
export const GET = defineApiRead(async ({ principal, db, query }) => {
  const params = pageParamsSchema.parse(query);
  return pageOf(await findPaymentPage(db, { studioId: principal.user.studioId, ...params }), toApiPayment);
});
