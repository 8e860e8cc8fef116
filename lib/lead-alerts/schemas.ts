import { z } from "zod";

/** How a member hears of new inquiries: an email for each, one digest a day, or none. */
export const LEAD_ALERTS = ["INSTANT", "DAILY", "OFF"] as const;
export type LeadAlertChoice = (typeof LEAD_ALERTS)[number];

export const updateLeadAlertSchema = z.object({
  leadAlert: z.enum(LEAD_ALERTS, { error: "Choose how you want to hear of new inquiries." }),
});
export type UpdateLeadAlertInput = z.infer<typeof updateLeadAlertSchema>;

/** The studio's local time the daily digest goes out (a run after it, the same day, catches up). */
export const DIGEST_TIME = "08:00";

/** Lead sources that are inquiries from outside: the studio's page and its own website's form. */
export const INQUIRY_SOURCES = ["inquiry", "website"] as const;

/** A digest lists this many inquiries and counts the rest. */
export const DIGEST_LIST_LIMIT = 25;
