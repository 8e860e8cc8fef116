import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { contactListParams, patchContactSchema } from "@/lib/contacts/schemas";
import { createEventSchema, patchEventSchema } from "@/lib/events/schemas";
import { invoiceListParams } from "@/lib/invoices/schemas";
import { createJobSchema, jobListParams, patchJobSchema } from "@/lib/jobs/schemas";
import { createLeadSchema, leadListParams, patchLeadSchema } from "@/lib/leads/schemas";
import { pageParamsSchema } from "@/lib/search-params";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { patchTaskSchema } from "@/lib/workflows/schemas";
import { PROBLEM_TYPES } from "@/lib/api/problem";
import { READ_AFTER_HEADER } from "@/lib/api/read-after";
import {
  apiClientSchema,
  apiClientSummarySchema,
  apiContractSchema,
  apiEventSchema,
  apiInvoiceSchema,
  apiInvoiceSummarySchema,
  apiJobSchema,
  apiJobSummarySchema,
  apiLeadSchema,
  apiLeadSummarySchema,
  apiListSchema,
  apiPageSchema,
  apiPaymentSchema,
  apiProposalSchema,
  apiTaskSchema,
} from "@/lib/api/resources";

// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse
// input with (the UI's forms use them too) and the response schemas in lib/api/resources.ts.
// lib/api/openapi.test.ts fails when a route handler under app/api/v1 is missing here.

const problemSchema = z
  .object({
    type: z.string().meta({ description: "/docs/api#problem-<kind>", example: "/docs/api#problem-validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ pointer: z.string().meta({ example: "#/email" }), detail: z.string() }))
      .optional()
      .meta({ description: "Per-field messages of a validation problem." }),
  })
  .meta({ id: "Problem", description: `RFC 9457 problem details. Kinds: ${PROBLEM_TYPES.join(", ")}.` });

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests this token may make per window (60 s)." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in this window." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window ends." }),
});

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

const errors = {
  "401": problem("No token, an unknown one or a revoked one."),
  "404": problem("No such item in your studio (another studio's ids answer the same)."),
  "429": {
    ...problem("Over the token's rate limit: wait Retry-After seconds."),
    headers: rateLimitHeaders.extend({ "Retry-After": z.string() }),
  },
};

const readAfterParam = z.object({
  [READ_AFTER_HEADER]: z.string().optional().meta({
    description:
      "The X-ShootQ-Read-After value of one of your writes: this read then sees that write (it is served by a host that has it).",
    example: "0/3000148",
  }),
});

const idParam = z.object({ id: z.string().meta({ description: "The item's id." }) });

const read = (summary: string, schema: z.ZodType, params: { query?: z.ZodObject; path?: z.ZodObject } = {}) =>
  ({
    summary,
    security: [{ bearer: [] }],
    requestParams: { header: readAfterParam, ...params },
    responses: {
      "200": { description: "OK", headers: rateLimitHeaders, content: { "application/json": { schema } } },
      ...errors,
    },
  }) satisfies ZodOpenApiOperationObject;

const writeHeaders = rateLimitHeaders.extend({
  "X-ShootQ-Read-After": z.string().optional().meta({
    description: "Send it back on later reads to see this write at once (present when replicas are in use).",
  }),
});

const writeErrors = {
  "400": problem("Invalid input, or a field this operation cannot change: `errors` points at each field."),
  "403": problem("The token is read-only."),
  "409": problem("The change conflicts with what is saved (for example another client has that email)."),
  "422": problem("The Idempotency-Key was used for a different request."),
  ...errors,
};

/** A POST: the request body is a UI form's schema, the answer the created item as its GET returns it. */
const create = (summary: string, schema: z.ZodType, created: z.ZodType) =>
  ({
    summary,
    security: [{ bearer: [] }],
    requestParams: {
      header: z.object({
        "Idempotency-Key": z.string().max(255).optional().meta({
          description:
            "Retrying with the same key and body returns the first answer instead of creating twice; the same key with another body is refused (422). Keys are kept 24 hours.",
        }),
      }),
    },
    requestBody: { required: true, content: { "application/json": { schema } } },
    responses: {
      "201": {
        description: "Created: the new item, whose URL is in Location.",
        headers: writeHeaders.extend({ Location: z.string().meta({ example: "/api/v1/leads/0199c0de-…" }) }),
        content: { "application/json": { schema: created } },
      },
      ...writeErrors,
    },
  }) satisfies ZodOpenApiOperationObject;

/** A PATCH: any of the UI edit form's fields (left out: unchanged; empty: cleared); answers the item. */
const update = (summary: string, schema: z.ZodType, updated: z.ZodType) =>
  ({
    summary,
    security: [{ bearer: [] }],
    requestParams: { path: idParam },
    requestBody: { required: true, content: { "application/json": { schema } } },
    responses: {
      "200": {
        description: "Saved: the item as GET returns it.",
        headers: writeHeaders,
        content: { "application/json": { schema: updated } },
      },
      ...writeErrors,
    },
  }) satisfies ZodOpenApiOperationObject;

export const API_PATHS = {
  "/api/v1/leads": {
    get: read("List leads, newest first (25 a page)", apiPageSchema(apiLeadSummarySchema, "LeadSummary"), {
      query: leadListParams,
    }),
    post: create("Create a lead (like the New lead form)", createLeadSchema, apiLeadSchema),
  },
  "/api/v1/leads/{id}": {
    get: read("Get a lead", apiLeadSchema, { path: idParam }),
    patch: update("Edit a lead or move it to another stage (`status`)", patchLeadSchema, apiLeadSchema),
  },
  "/api/v1/jobs": {
    get: read("List jobs (upcoming, past or unscheduled)", apiPageSchema(apiJobSummarySchema, "JobSummary"), {
      query: jobListParams,
    }),
    post: create(
      "Create a job (like the New job form): `contactId` of a client, or a new client's `contactName` and `contactEmail`",
      createJobSchema,
      apiJobSchema,
    ),
  },
  "/api/v1/jobs/{id}": {
    get: read("Get a job with its sessions", apiJobSchema, { path: idParam }),
    patch: update(
      "Edit a job or change its status; a dated job's new date is refused (409): reschedule it from its page",
      patchJobSchema,
      apiJobSchema,
    ),
  },
  "/api/v1/jobs/{id}/proposals": {
    get: read("List a job's proposals, newest first", apiListSchema(apiProposalSchema, "Proposal"), {
      path: idParam,
    }),
  },
  "/api/v1/jobs/{id}/contracts": {
    get: read("List a job's contracts, newest first", apiListSchema(apiContractSchema, "Contract"), {
      path: idParam,
    }),
  },
  "/api/v1/clients": {
    get: read(
      "List clients, newest first (25 a page; `q` finds a name or email)",
      apiPageSchema(apiClientSummarySchema, "ClientSummary"),
      { query: contactListParams },
    ),
  },
  "/api/v1/clients/{id}": {
    get: read("Get a client and their jobs", apiClientSchema, { path: idParam }),
    patch: update("Edit a client (like the Edit client form)", patchContactSchema, apiClientSchema),
  },
  "/api/v1/events": {
    get: read("List upcoming shoots, soonest first (25 a page)", apiPageSchema(apiEventSchema, "Event"), {
      query: pageParamsSchema,
    }),
    post: create(
      "Add an event (a session or shoot) to a job; date and times in the studio's time zone",
      createEventSchema,
      apiEventSchema,
    ),
  },
  "/api/v1/events/{id}": {
    get: read("Get an event (a session of a job)", apiEventSchema, { path: idParam }),
    patch: update("Edit an event", patchEventSchema, apiEventSchema),
  },
  "/api/v1/proposals/{id}": { get: read("Get a proposal", apiProposalSchema, { path: idParam }) },
  "/api/v1/contracts/{id}": { get: read("Get a contract", apiContractSchema, { path: idParam }) },
  "/api/v1/invoices": {
    get: read(
      "List invoices in a view (all, due, overdue, paid, draft, void; 25 a page)",
      apiPageSchema(apiInvoiceSummarySchema, "InvoiceSummary"),
      { query: invoiceListParams },
    ),
  },
  "/api/v1/invoices/{id}": {
    get: read("Get an invoice with its lines, schedule and payments", apiInvoiceSchema, { path: idParam }),
  },
  "/api/v1/payments": {
    get: read(
      "List payments and refunds received, newest first (25 a page)",
      apiPageSchema(apiPaymentSchema, "Payment"),
      {
        query: pageParamsSchema,
      },
    ),
  },
  "/api/v1/tasks": {
    get: read("List open tasks, soonest due first (50 a page)", apiPageSchema(apiTaskSchema, "Task"), {
      query: pageParamsSchema,
    }),
  },
  "/api/v1/tasks/{id}": {
    patch: update('Complete a task (`{"completed": true}`)', patchTaskSchema, apiTaskSchema),
  },
} satisfies ZodOpenApiPathsObject;

const webhookHeaders = z.object({
  "webhook-id": z
    .string()
    .meta({ description: "The event's id: the same on every retry and resend (deduplicate on it)." }),
  "webhook-timestamp": z.string().meta({ description: "When this attempt was signed, in Unix seconds." }),
  "webhook-signature": z.string().meta({
    description: "`v1,<base64 HMAC-SHA256>` of `<id>.<timestamp>.<body>` with the endpoint's `whsec_…` secret.",
  }),
});

/** What ShootQ POSTs to a studio's endpoints, one operation per event type (OpenAPI 3.1 `webhooks`). */
export const API_WEBHOOKS = Object.fromEntries(
  Object.entries(WEBHOOK_EVENTS).map(([type, { label, data }]) => [
    type,
    {
      post: {
        summary: label,
        description:
          "Signed per the Standard Webhooks specification: verify it with any Standard Webhooks library. Answer 2xx within 10 s; other answers, timeouts and network errors are retried for about a day (4xx other than 429 are not).",
        requestParams: { header: webhookHeaders },
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({ type: z.literal(type), timestamp: z.string().meta({ format: "date-time" }), data }),
            },
          },
        },
        responses: { "200": { description: "Received (any 2xx)." } },
      } satisfies ZodOpenApiOperationObject,
    },
  ]),
);

let document: ReturnType<typeof createDocument> | undefined;

/** The document, built once per process (it depends only on the code). */
export function createApiDocument() {
  document ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "ShootQ API",
      version: "1",
      description:
        "Your studio's leads, jobs, clients, events, proposals, contracts, invoices, payments and tasks. Authenticate with a token from Settings → API tokens: `Authorization: Bearer sq_live_…`. Webhooks (Settings → Webhooks) are described under `webhooks`.",
    },
    servers: [{ url: "/" }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths: API_PATHS,
    webhooks: API_WEBHOOKS,
  });
  return document;
}
