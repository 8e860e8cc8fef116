import { z } from "zod";
import { dayKeyOfDateColumn } from "@/lib/calendar/zoned";
import { type findContactPage, type findContactWithJobs } from "@/lib/contacts/queries";
import { type findJob, type findJobPage } from "@/lib/jobs/queries";
import { type findLead, type findLeadPage } from "@/lib/leads/queries";
import { type KeysetPage } from "@/lib/pagination";
import { JobStatus, LeadStatus } from "@/prisma/generated/prisma/enums";

// What the API answers, as zod schemas (the OpenAPI document is generated from them) and the
// functions that shape query results into them. Dates of the calendar are "YYYY-MM-DD" in the
// studio's time zone; instants are ISO 8601 in UTC.

const id = z.string().meta({ description: "An opaque id.", example: "0199c0de-7a1b-7c3e-9f00-123456789abc" });
const dayKey = z.string().meta({ description: "A calendar date, YYYY-MM-DD.", example: "2027-06-12" });
const instant = z.string().meta({ format: "date-time", example: "2026-11-30T18:00:00.000Z" });

export const apiLeadSummarySchema = z
  .object({
    id,
    name: z.string(),
    email: z.string(),
    eventType: z.string(),
    eventDate: dayKey.nullable(),
    status: z.enum(LeadStatus),
    brand: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "LeadSummary" });

export const apiLeadSchema = apiLeadSummarySchema
  .extend({
    phone: z.string().nullable(),
    message: z.string().nullable(),
    source: z.string(),
    jobId: id.nullable(),
  })
  .meta({ id: "Lead" });

export const apiJobSummarySchema = z
  .object({
    id,
    title: z.string(),
    type: z.string(),
    date: dayKey.nullable(),
    status: z.enum(JobStatus),
    brand: z.string(),
    client: z.string(),
  })
  .meta({ id: "JobSummary" });

export const apiJobSchema = apiJobSummarySchema
  .extend({
    createdAt: instant,
    clientId: id,
    leadId: id.nullable(),
    events: z.array(
      z.object({
        id,
        name: z.string(),
        startsAt: instant,
        endsAt: instant.nullable(),
        location: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Job" });

export const apiContactSchema = z
  .object({ id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), createdAt: instant })
  .meta({ id: "Contact" });

export const apiContactDetailSchema = apiContactSchema
  .extend({ jobs: z.array(z.object({ id, title: z.string() })) })
  .meta({ id: "ContactDetail" });

export const apiCreatedSchema = z.object({ id }).meta({ id: "Created" });

/** A page of a list: `next`/`prev` are cursors for the `after`/`before` query parameters. */
export const apiPageSchema = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      data: z.array(item),
      next: z.string().nullable().meta({ description: "Pass as `after` for the next page; null on the last." }),
      prev: z.string().nullable().meta({ description: "Pass as `before` for the previous page." }),
    })
    .meta({ id: `${name}Page` });

export const pageOf = <Row, Out>(page: KeysetPage<Row>, shape: (row: Row) => Out) => ({
  data: page.rows.map(shape),
  next: page.next ?? null,
  prev: page.prev ?? null,
});

const day = (date: Date | null) => (date ? dayKeyOfDateColumn(date) : null);

type LeadRow = Awaited<ReturnType<typeof findLeadPage>>["rows"][number];
type LeadDetail = NonNullable<Awaited<ReturnType<typeof findLead>>>;

export const toApiLeadSummary = (lead: LeadRow): z.infer<typeof apiLeadSummarySchema> => ({
  id: lead.id,
  name: lead.name,
  email: lead.email,
  eventType: lead.eventType,
  eventDate: day(lead.eventDate),
  status: lead.status,
  brand: lead.brand?.name ?? null,
  createdAt: lead.createdAt.toISOString(),
});

export const toApiLead = (lead: LeadDetail): z.infer<typeof apiLeadSchema> => ({
  ...toApiLeadSummary(lead),
  phone: lead.phone,
  message: lead.message,
  source: lead.source,
  jobId: lead.job?.id ?? null,
});

type JobRow = Awaited<ReturnType<typeof findJobPage>>["rows"][number];
type JobDetail = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export const toApiJobSummary = (job: JobRow): z.infer<typeof apiJobSummarySchema> => ({
  id: job.id,
  title: job.title,
  type: job.type,
  date: day(job.date),
  status: job.status,
  brand: job.brand.name,
  client: job.contact.name,
});

export const toApiJob = (job: JobDetail): z.infer<typeof apiJobSchema> => ({
  ...toApiJobSummary(job),
  createdAt: job.createdAt.toISOString(),
  clientId: job.contact.id,
  leadId: job.lead?.id ?? null,
  events: job.events.map((e) => ({
    id: e.id,
    name: e.name,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt?.toISOString() ?? null,
    location: e.location,
  })),
});

type ContactRow = Pick<
  Awaited<ReturnType<typeof findContactPage>>["rows"][number],
  "id" | "name" | "email" | "phone" | "createdAt"
>;
type ContactDetail = NonNullable<Awaited<ReturnType<typeof findContactWithJobs>>>;

export const toApiContact = (c: ContactRow): z.infer<typeof apiContactSchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  createdAt: c.createdAt.toISOString(),
});

export const toApiContactDetail = (c: ContactDetail): z.infer<typeof apiContactDetailSchema> => ({
  ...toApiContact(c),
  jobs: c.jobs,
});
