import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";

/** To the studio's owner: an endpoint failed for days and was disabled. */
export const webhookDisabled = defineEmailKind({
  params: z.object({ endpointId: z.string() }),
  async render({ tx, origin, studioId }, { endpointId }) {
    if (!studioId) return null;
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, studioId },
      select: { url: true, disabledReason: true },
    });
    if (!endpoint) return null;
    return {
      subject: "A webhook endpoint was disabled",
      text: [
        `ShootQ stopped sending webhooks to ${endpoint.url}.`,
        "",
        endpoint.disabledReason ?? "",
        "",
        `Check the receiver, then enable the endpoint again: ${origin}/settings/webhooks/${endpointId}`,
      ].join("\n"),
    };
  },
});
