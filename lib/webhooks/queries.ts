import { type Db } from "@/lib/db";

/** The studio's endpoints for the settings list (a studio has a handful). */
export function findWebhookEndpoints(db: Db, { studioId }: { studioId: string }) {
  return db.webhookEndpoint.findMany({
    where: { studioId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      url: true,
      description: true,
      eventTypes: true,
      isEnabled: true,
      disabledReason: true,
      failingSince: true,
    },
  });
}

/** One endpoint with its secret (owners only) and its latest deliveries, newest first. */
export async function findWebhookEndpoint(db: Db, { studioId, endpointId }: { studioId: string; endpointId: string }) {
  return db.webhookEndpoint.findFirst({
    where: { id: endpointId, studioId },
    select: {
      id: true,
      url: true,
      description: true,
      eventTypes: true,
      secret: true,
      isEnabled: true,
      disabledReason: true,
      disabledAt: true,
      failingSince: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: {
          id: true,
          status: true,
          attempts: true,
          lastAttemptAt: true,
          lastStatusCode: true,
          lastLatencyMs: true,
          nextAttemptAt: true,
          createdAt: true,
          event: { select: { id: true, type: true } },
          attemptLog: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { error: true, responseExcerpt: true },
          },
        },
      },
    },
  });
}
