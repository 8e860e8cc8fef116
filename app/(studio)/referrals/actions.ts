"use server";

import { PAGES_A_NEW_LEAD_CHANGES } from "@/lib/leads/mutations";
import { defineAction } from "@/lib/actions";
import { createReferral, respondToReferral } from "@/lib/referrals/mutations";
import { createReferralSchema, respondToReferralSchema } from "@/lib/referrals/schemas";

export const createReferralAction = defineAction({
  access: "studio",
  schema: createReferralSchema,
  async run({ tx, input, user }) {
    await createReferral(tx, { studioId: user.studioId, userId: user.id, ...input });
    return { revalidate: ["/referrals", "/dashboard", "/emails"], redirectTo: "/referrals" };
  },
});

export const respondToReferralAction = defineAction({
  access: "studio",
  schema: respondToReferralSchema,
  async run({ tx, input, user }) {
    const { leadId } = await respondToReferral(tx, { studioId: user.studioId, userId: user.id, ...input });
    return {
      revalidate: ["/referrals", "/dashboard", "/leads", "/clients", ...(leadId ? PAGES_A_NEW_LEAD_CHANGES : [])],
      message: leadId
        ? "Accepted. The client is now one of your leads."
        : "Rejected. The photographer who referred it has been told.",
    };
  },
});
