import { z } from "zod";

// What each event carries. queueWebhookEvent parses its data with these schemas, which drop any
// field not listed: a payload holds ids and the resource's public fields, never a token or a link.

const instant = z.string().meta({ format: "date-time" });
const nullableText = z.string().nullable();

const leadCreated = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: nullableText,
  eventType: z.string(),
  eventDate: z.string().nullable().meta({ description: "YYYY-MM-DD", format: "date" }),
  message: nullableText,
  status: z.string(),
  source: z.string().meta({ description: "manual, inquiry, api or referral" }),
  brandId: nullableText,
  contactId: nullableText,
  createdAt: instant,
});

const bookingConfirmed = z.object({
  id: z.string(),
  jobId: z.string(),
  jobTitle: z.string(),
  proposalId: z.string(),
  clientName: z.string(),
  status: z.string().meta({ description: "PENDING_REVIEW, or AWAITING_RETAINER when a retainer is due first" }),
  createdAt: instant,
});

const contractSigned = z.object({
  id: z.string(),
  jobId: z.string(),
  title: z.string(),
  signerName: z.string(),
  signedAt: instant,
  documentHash: z.string().meta({ description: "SHA-256 (hex) of the document the client signed" }),
});

const paymentReceived = z.object({
  id: z.string(),
  amountMinor: z.number().int().meta({ description: "In the currency's minor unit (cents)" }),
  currency: z.string(),
  method: z.string(),
  receivedAt: instant,
  invoice: z.object({
    id: z.string(),
    jobId: z.string(),
    number: z.number().int(),
    status: z.string(),
    paidMinor: z.number().int(),
    totalMinor: z.number().int(),
  }),
});

const clientCreated = z.object({
  id: z.string(),
  name: z.string(),
  email: nullableText,
  phone: nullableText,
  createdAt: instant,
});

const invoiceSent = z.object({
  id: z.string(),
  jobId: z.string(),
  number: z.number().int(),
  title: z.string(),
  currency: z.string(),
  totalMinor: z.number().int().meta({ description: "In the currency's minor unit (cents)" }),
  issuedOn: z.string().meta({ description: "YYYY-MM-DD", format: "date" }),
  sentAt: instant,
  isEmailed: z
    .boolean()
    .meta({ description: "Whether it was emailed to the client (false: the studio shares its link)" }),
});

const questionnaireSubmitted = z.object({
  id: z.string(),
  jobId: z.string(),
  title: z.string(),
  submittedAt: instant,
});

/** Every event type, how settings describes it, and its data. */
export const WEBHOOK_EVENTS = {
  "lead.created": {
    label: "A new lead arrives (inquiry form, API, referral or entered by hand)",
    data: leadCreated,
  },
  "client.created": {
    label: "A new client is added (with a new lead or job, from a referral, or through the API)",
    data: clientCreated,
  },
  "booking.confirmed": { label: "A client accepts a proposal", data: bookingConfirmed },
  "contract.signed": { label: "A client signs a contract", data: contractSigned },
  "invoice.sent": { label: "An invoice is sent", data: invoiceSent },
  "payment.received": { label: "A payment is received or recorded", data: paymentReceived },
  "questionnaire.submitted": { label: "A client submits a questionnaire", data: questionnaireSubmitted },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENTS)[T]["data"]>;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as [WebhookEventType, ...WebhookEventType[]];

/**
 * The delivery logs (Settings → Webhooks and every endpoint's page below it): a write that queues
 * an event adds a pending delivery there, so the studio's own writes pin it.
 */
export const WEBHOOK_LOG_PAGES = "/settings/webhooks";

/** Sent to one endpoint from its settings page, never to subscribers. */
export const TEST_EVENT_TYPE = "webhook.test";

/** The JSON a receiver gets: the Standard Webhooks shape (type, timestamp, data). */
export function webhookBody(event: { type: string; data: unknown; createdAt: Date }): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
}
