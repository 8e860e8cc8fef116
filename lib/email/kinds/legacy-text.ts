import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";

/**
 * Emails queued before the outbox rendered at send time, migrated with their stored text. Not
 * queueable; the worker erases the text once it is sent (it may hold a link).
 */
export const legacyText = defineEmailKind({
  params: z.object({ subject: z.string(), text: z.string() }),
  async render(_ctx, { subject, text }) {
    return { subject, text };
  },
});
