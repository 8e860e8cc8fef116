import { type Tx } from "@/lib/db";
import { TEST_EVENT_TYPE, WEBHOOK_EVENTS, type WebhookEventData, type WebhookEventType } from "@/lib/webhooks/events";
import { enqueueWebhookJob } from "@/lib/webhooks/queue";

export type WebhookEventInput<T extends WebhookEventType> = {
  studioId: string;
  type: T;
  /**
   * Ids and the resource's public fields (lib/webhooks/events.ts drops anything else); a function
   * when reading them costs a query, so studios without a subscribed endpoint never pay it.
   */
  data: WebhookEventData<T> | (() => Promise<WebhookEventData<T>>);
};

async function recordEvent(tx: Tx, studioId: string, type: string, data: object, endpointIds: string[]) {
  const event = await tx.webhookEvent.create({ data: { studioId, type, data }, select: { id: true } });
  for (const endpointId of endpointIds) {
    const delivery = await tx.webhookDelivery.create({
      data: { studioId, eventId: event.id, endpointId, nextAttemptAt: new Date() },
      select: { id: true },
    });
    await enqueueWebhookJob(tx, { deliveryId: delivery.id, attempt: 0 });
  }
  return event;
}

/**
 * Writes the event, one delivery per enabled endpoint subscribed to its type, and their jobs in
 * the transaction of the change that causes it: a rolled-back change sends nothing, a committed
 * one is delivered by the worker. A studio without such endpoints writes nothing.
 */
export async function queueWebhookEvent<T extends WebhookEventType>(
  tx: Tx,
  { studioId, type, data }: WebhookEventInput<T>,
) {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { studioId, isEnabled: true, eventTypes: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return null;
  const payload = WEBHOOK_EVENTS[type].data.parse(typeof data === "function" ? await data() : data);
  return recordEvent(
    tx,
    studioId,
    type,
    payload,
    endpoints.map((e) => e.id),
  );
}

/** A test event for one endpoint, from its settings page (even while it is disabled). */
export async function queueTestEvent(tx: Tx, { studioId, endpointId }: { studioId: string; endpointId: string }) {
  return recordEvent(tx, studioId, TEST_EVENT_TYPE, { message: "A test event from ShootQ." }, [endpointId]);
}
