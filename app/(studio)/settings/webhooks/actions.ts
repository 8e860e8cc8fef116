"use server";

import { defineAction } from "@/lib/actions";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointEnabled,
} from "@/lib/webhooks/mutations";
import {
  createWebhookEndpointSchema,
  resendWebhookDeliverySchema,
  setWebhookEndpointEnabledSchema,
  webhookEndpointIdSchema,
} from "@/lib/webhooks/schemas";

const LIST = "/settings/webhooks";
const pagesOf = (endpointId: string) => [LIST, `${LIST}/${endpointId}`];

export const createWebhookEndpointAction = defineAction({
  access: "owner",
  schema: createWebhookEndpointSchema,
  async run({ tx, input, user }) {
    const { id } = await createWebhookEndpoint(tx, { studioId: user.studioId, input });
    return { revalidate: pagesOf(id), redirectTo: `${LIST}/${id}`, flash: "Endpoint added." };
  },
});

export const setWebhookEndpointEnabledAction = defineAction({
  access: "owner",
  schema: setWebhookEndpointEnabledSchema,
  async run({ tx, input, user }) {
    await setWebhookEndpointEnabled(tx, { studioId: user.studioId, ...input });
    return {
      revalidate: pagesOf(input.endpointId),
      message: input.enabled ? "Endpoint enabled." : "Endpoint disabled.",
    };
  },
});

export const rotateWebhookSecretAction = defineAction({
  access: "owner",
  schema: webhookEndpointIdSchema,
  async run({ tx, input, user }) {
    await rotateWebhookSecret(tx, { studioId: user.studioId, endpointId: input.endpointId });
    return {
      revalidate: pagesOf(input.endpointId),
      message: "New signing secret made: update your receiver.",
    };
  },
});

export const sendTestWebhookAction = defineAction({
  access: "owner",
  schema: webhookEndpointIdSchema,
  async run({ tx, input, user }) {
    await sendTestWebhook(tx, { studioId: user.studioId, endpointId: input.endpointId });
    return { revalidate: pagesOf(input.endpointId), message: "Test event queued." };
  },
});

export const resendWebhookDeliveryAction = defineAction({
  access: "owner",
  schema: resendWebhookDeliverySchema,
  async run({ tx, input, user }) {
    await resendWebhookDelivery(tx, { studioId: user.studioId, ...input });
    return { revalidate: pagesOf(input.endpointId), message: "Queued to send again." };
  },
});

export const deleteWebhookEndpointAction = defineAction({
  access: "owner",
  schema: webhookEndpointIdSchema,
  async run({ tx, input, user }) {
    await deleteWebhookEndpoint(tx, { studioId: user.studioId, endpointId: input.endpointId });
    return { revalidate: pagesOf(input.endpointId), redirectTo: LIST, flash: "Endpoint deleted." };
  },
});
