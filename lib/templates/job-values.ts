import { dayKeyOf, dayKeyOfDateColumn, formatDayKey } from "@/lib/calendar/zoned";
import { modelsOf, type Reader } from "@/lib/reader";
import { notFound } from "@/lib/errors";
import { formatMoney as formatMinor, type MoneyFormat } from "@/lib/money";
import { proposalTotal } from "@/lib/proposals/queries";
import { type TemplateValues } from "@/lib/templates/engine";
import { type JobFieldKey } from "@/lib/templates/fields";

/** Whom an email is to and in whose name it goes, with its context's smart-field values. */
export type RecipientValues = {
  values: TemplateValues;
  name: string;
  email: string | null;
  /** The client's page, where an email to them shows in their history. */
  contactId: string | null;
  /** The brand (or, when there is none, the studio) the email goes out as. */
  sender: string;
};

/** Money in the studio's currency and locale (lib/money.ts); the one place the engine formats amounts. */
function formatMoney(minor: number, format: MoneyFormat): string {
  return formatMinor(minor, format);
}

/** A calendar date as the studio writes it: "Saturday, June 12, 2027". */
const formatDate = (dayKey: string) => formatDayKey(dayKey);

/**
 * The fields every context shares: the client's names, the brand and studio writing, and today
 * in the studio's time zone.
 */
export function clientAndSenderValues({
  clientName,
  brandName,
  studio,
  now,
}: {
  clientName: string;
  brandName: string;
  studio: { name: string; timeZone: string };
  now: Date;
}) {
  const name = clientName.trim();
  return {
    "client.name": name,
    "client.first_name": name.split(/\s+/)[0] ?? name,
    "brand.name": brandName,
    "studio.name": studio.name,
    today: formatDate(dayKeyOf(now, studio.timeZone)),
  };
}

type EmailJob = { title: string; date: Date | null; brand: { name: string }; contact: { name: string } };

/** The client's, sender's and job's fields every email to a job's client fills, dates in the studio's zone. */
export function jobEmailValues(job: EmailJob, studio: { name: string; timeZone: string }, now = new Date()) {
  return {
    ...clientAndSenderValues({ clientName: job.contact.name, brandName: job.brand.name, studio, now }),
    "job.title": job.title,
    "job.date": job.date ? formatDate(dayKeyOfDateColumn(job.date)) : null,
  };
}

// A proposal the client accepted speaks for the job before one merely sent, and that before a draft.
const PROPOSAL_RANK = { ACCEPTED: 0, SENT: 1, DRAFT: 2, DECLINED: 3 } as const;

type JobAbout = { studioId: string; jobId: string; proposalId?: string | null; now?: Date };

/**
 * The values of the "job" context: the client, the job, its first shoot's location, the
 * proposal (the one given, else the job's most relevant one), the brand and the studio, with
 * dates in the studio's time zone. A field the job cannot fill yet is null.
 */
export async function buildJobTemplateValues(db: Reader, about: JobAbout): Promise<Record<JobFieldKey, string | null>> {
  const found = await findJobTemplateValues(db, about);
  if (!found) throw notFound("That job");
  return found.values;
}

/**
 * {@link buildJobTemplateValues} with the job's client and brand, in the same one query (the
 * compose form needs all three); null when the job is not this studio's.
 */
export async function findJobTemplateValues(
  db: Reader,
  { studioId, jobId, proposalId, now = new Date() }: JobAbout,
): Promise<(RecipientValues & { values: Record<JobFieldKey, string | null> }) | null> {
  const job = await modelsOf(db).job.findFirst({
    where: { id: jobId, studioId },
    select: {
      title: true,
      date: true,
      contact: { select: { id: true, name: true, email: true } },
      brand: { select: { name: true } },
      studio: { select: { name: true, timeZone: true, currency: true, locale: true } },
      events: {
        where: { studioId },
        orderBy: [{ isShoot: "desc" }, { startsAt: "asc" }],
        take: 5,
        select: { location: true },
      },
      proposals: {
        where: { studioId, ...(proposalId ? { id: proposalId } : {}) },
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { status: true, depositCents: true, items: { select: { quantity: true, unitPriceCents: true } } },
      },
    },
  });
  if (!job) return null;
  const proposal = [...job.proposals]
    .sort((a, b) => PROPOSAL_RANK[a.status] - PROPOSAL_RANK[b.status])
    .find((p) => p.status !== "DECLINED");
  const money = { currency: job.studio.currency, locale: job.studio.locale };
  const values: Record<JobFieldKey, string | null> = {
    ...jobEmailValues(job, job.studio, now),
    "event.location": job.events.find((e) => e.location)?.location ?? null,
    "proposal.total": proposal ? formatMoney(proposalTotal(proposal.items), money) : null,
    "proposal.deposit": proposal ? formatMoney(proposal.depositCents, money) : null,
  };
  return {
    values,
    name: job.contact.name,
    email: job.contact.email || null,
    contactId: job.contact.id,
    sender: job.brand.name,
  };
}
