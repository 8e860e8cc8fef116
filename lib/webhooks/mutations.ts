import { randomBytes } from "node:crypto";
import { type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import {
  parseWebhookUrl,
  resolveWebhookUrl,
  type WebhookAddressPolicy,
  WebhookUrlRefused,
} from "@/lib/webhooks/address";
import { queueTestEvent } from "@/lib/webhooks/outbox";
import { enqueueWebhookJob } from "@/lib/webhooks/queue";
import { type CreateWebhookEndpointInput } from "@/lib/webhooks/schemas";

type Tenant = { studioId: string };

/** The policy configured for this deployment (WEBHOOKS_ALLOW_PRIVATE). */
export const configuredAddressPolicy = (): WebhookAddressPolicy => ({
  allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE !== "0",
});

/** A Standard Webhooks secret: "whsec_" and the base64 of 24 random bytes (192 bits). */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** The URL parsed, and its host resolved and checked now; the worker checks again on every delivery. */
async function checkUrl(raw: string, policy: WebhookAddressPolicy): Promise<string> {
  try {
    const url = parseWebhookUrl(raw, policy);
    await resolveWebhookUrl(url, policy);
    return url.toString();
  } catch (error) {
    if (error instanceof WebhookUrlRefused)
      throw new AppError("VALIDATION", "Please correct the highlighted fields.", { url: [error.message] });
    throw error;
  }
}

export async function createWebhookEndpoint(
  tx: Tx,
  {
    studioId,
    input,
    policy = configuredAddressPolicy(),
  }: Tenant & { input: CreateWebhookEndpointInput; policy?: WebhookAddressPolicy },
) {
  const url = await checkUrl(input.url, policy);
  return tx.webhookEndpoint.create({
    data: {
      studioId,
      url,
      description: input.description || null,
      eventTypes: [...new Set(input.eventTypes)],
      secret: newWebhookSecret(),
    },
    select: { id: true },
  });
}

async function requireEndpoint(tx: Tx, { studioId, endpointId }: Tenant & { endpointId: string }) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, studioId }, select: { id: true } });
  if (!endpoint) throw notFound("That webhook endpoint");
  return endpoint;
}

/** Enabling starts afresh: the failure clock restarts with the next failed attempt. */
export async function setWebhookEndpointEnabled(
  tx: Tx,
  { studioId, endpointId, enabled, now = new Date() }: Tenant & { endpointId: string; enabled: boolean; now?: Date },
) {
  await requireEndpoint(tx, { studioId, endpointId });
  await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, studioId },
    data: enabled
      ? { isEnabled: true, disabledReason: null, disabledAt: null, failingSince: null }
      : { isEnabled: false, disabledReason: "Disabled by the studio.", disabledAt: now },
  });
}

export async function rotateWebhookSecret(tx: Tx, { studioId, endpointId }: Tenant & { endpointId: string }) {
  await requireEndpoint(tx, { studioId, endpointId });
  await tx.webhookEndpoint.updateMany({ where: { id: endpointId, studioId }, data: { secret: newWebhookSecret() } });
}

/** Deletes the endpoint with its deliveries and their log; pending attempts find nothing and stop. */
export async function deleteWebhookEndpoint(tx: Tx, { studioId, endpointId }: Tenant & { endpointId: string }) {
  const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, studioId } });
  if (count === 0) throw notFound("That webhook endpoint");
}

export async function sendTestWebhook(tx: Tx, { studioId, endpointId }: Tenant & { endpointId: string }) {
  await requireEndpoint(tx, { studioId, endpointId });
  await queueTestEvent(tx, { studioId, endpointId });
}

/**
 * Sends a delivery again, as a new attempt with the same webhook-id (receivers that already
 * processed it can tell). A delivery still waiting for its next attempt is sent now instead.
 */
export async function resendWebhookDelivery(
  tx: Tx,
  {
    studioId,
    endpointId,
    deliveryId,
    now = new Date(),
  }: Tenant & { endpointId: string; deliveryId: string; now?: Date },
) {
  const [locked] = await tx.$queryRaw<{ attempts: number }[]>`
    SELECT attempts FROM "WebhookDelivery"
    WHERE id = ${deliveryId} AND "studioId" = ${studioId} AND "endpointId" = ${endpointId} FOR UPDATE`;
  if (!locked) throw notFound("That delivery");
  // A retry still queued expects the same count: whichever job runs first makes the attempt, and
  // the other then finds the count moved on and does nothing.
  await tx.webhookDelivery.updateMany({
    where: { id: deliveryId, studioId },
    data: { status: "PENDING", nextAttemptAt: now },
  });
  await enqueueWebhookJob(tx, { deliveryId, attempt: locked.attempts });
}
