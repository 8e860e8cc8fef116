import { z } from "zod";
import { optionalText, recordId } from "@/lib/fields";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";

export const createWebhookEndpointSchema = z.object({
  url: z.string().trim().min(1, "Enter the URL that receives the webhooks.").max(2000, "Use at most 2000 characters."),
  description: optionalText(200),
  eventTypes: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list." }))
      .min(1, "Choose at least one event."),
  ),
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const webhookEndpointIdSchema = z.object({ endpointId: recordId });

export const setWebhookEndpointEnabledSchema = z.object({
  endpointId: recordId,
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const resendWebhookDeliverySchema = z.object({ endpointId: recordId, deliveryId: recordId });
