import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";

/** A fixed operational message (drills, tests). Never carries a link or anything secret. */
export const systemNotice = defineEmailKind({
  params: z.object({ subject: z.string().max(200), text: z.string().max(5000) }),
  async render(_ctx, { subject, text }) {
    return { subject, text };
  },
});
