import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/schemas";
import type { Db } from "@/lib/db";
import { readRaw } from "@/lib/replication/read-fallback";
import { modelsOf, type Reader } from "@/lib/reader";
import { INVOICE_STATUS_LABELS } from "@/lib/invoices/schemas";
import { JOB_STATUS_LABELS } from "@/lib/jobs/schemas";
import { LEAD_STATUS_LABELS } from "@/lib/leads/schemas";
import { containsPattern, PAGE_SIZE, rawKeyset, type KeysetPage, type PageRequest } from "@/lib/pagination";
import { contractPath } from "@/lib/urls";
import { Prisma } from "@/prisma/generated/prisma/client";

type Tenant = { studioId: string };

/** Clients to pick from when creating a job: a search by any part of name or email, or A–Z. */
export function findContactOptions(db: Db, { studioId, q }: Tenant & { q?: string }) {
  return db.contact.findMany({
    where: { studioId, ...searchWhere(q) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, name: true, email: true },
  });
}

export type ContactListFilter = Tenant & { brandId?: string; q?: string };

export type ContactListRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: Date;
  jobCount: number;
  leadCount: number;
};

function searchWhere(q: string | undefined): Prisma.ContactWhereInput {
  return q
    ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
    : {};
}

/** How many jobs and leads each of these clients has: two index reads for the page, not a count per row. */
async function countWork(db: Db, { studioId, ids }: Tenant & { ids: string[] }) {
  const where = { studioId, contactId: { in: ids } };
  const [jobs, leads] = await Promise.all([
    db.job.groupBy({ by: ["contactId"], where, _count: { _all: true } }),
    db.lead.groupBy({ by: ["contactId"], where, _count: { _all: true } }),
  ]);
  return {
    jobs: new Map(jobs.map((j) => [j.contactId, j._count._all])),
    leads: new Map(leads.map((l) => [l.contactId, l._count._all])),
  };
}

/**
 * One page (25) of clients, newest first, with how many jobs and leads each has. A client is
 * under a brand when one of their jobs or leads is: checked per client, newest first, with one
 * index probe each (scalar subqueries, which PostgreSQL cannot turn into reading every job and
 * lead of the brand), so the page stops as soon as it has 25, however big the brand is.
 */
export async function findContactPage(
  db: Db,
  { studioId, brandId, q, size = PAGE_SIZE, ...request }: ContactListFilter & PageRequest & { size?: number },
): Promise<KeysetPage<ContactListRow>> {
  const page = rawKeyset(request, { key: Prisma.sql`"createdAt"`, dir: "desc", size });
  const underBrand = brandId
    ? Prisma.sql`AND ((SELECT 1 FROM "Job" j WHERE j."contactId" = c.id AND j."studioId" = ${studioId} AND j."brandId" = ${brandId} LIMIT 1) IS NOT NULL
               OR (SELECT 1 FROM "Lead" l WHERE l."contactId" = c.id AND l."studioId" = ${studioId} AND l."brandId" = ${brandId} LIMIT 1) IS NOT NULL)`
    : Prisma.empty;
  const matching = q
    ? Prisma.sql`AND (c.name ILIKE ${containsPattern(q)} OR c.email ILIKE ${containsPattern(q)})`
    : Prisma.empty;
  const rows = await readRaw<Omit<ContactListRow, "jobCount" | "leadCount">[]>(
    db,
    Prisma.sql`SELECT c.id, c.name, c.email, c.phone, c."createdAt" FROM "Contact" c
               WHERE c."studioId" = ${studioId} ${underBrand} ${matching} ${page.seek}
               ORDER BY ${page.orderBy} LIMIT ${page.limit}`,
  );
  const found = page.pageOf(rows, (r) => r.createdAt);
  const counts = await countWork(db, { studioId, ids: found.rows.map((r) => r.id) });
  return {
    ...found,
    rows: found.rows.map((r) => ({
      ...r,
      jobCount: counts.jobs.get(r.id) ?? 0,
      leadCount: counts.leads.get(r.id) ?? 0,
    })),
  };
}

export function findContact(db: Db, { studioId, contactId }: Tenant & { contactId: string }) {
  return db.contact.findFirst({
    where: { id: contactId, studioId },
    select: { id: true, name: true, email: true, phone: true, address: true, notes: true, createdAt: true },
  });
}
export type ContactDetail = NonNullable<Awaited<ReturnType<typeof findContact>>>;

export type HistoryKind = "lead" | "job" | "event" | "proposal" | "contract" | "invoice" | "questionnaire" | "email";

export type HistoryItem = {
  kind: HistoryKind;
  id: string;
  at: Date;
  title: string;
  status?: string;
  href?: string;
  detail?: string;
};

// A person's history is tens of rows; each kind is bounded rather than paged.
const EACH = 50;

/**
 * Everything about one client, newest first: their leads, jobs, the events, proposals, contracts,
 * invoices and questionnaires of those jobs, and the emails sent to their address. Every query carries the
 * studio, so another studio's client id finds nothing.
 */
export async function findContactHistory(
  db: Db,
  { studioId, contactId }: Tenant & { contactId: string },
): Promise<HistoryItem[]> {
  const contact = await db.contact.findFirst({ where: { id: contactId, studioId }, select: { id: true, email: true } });
  if (!contact) return [];
  const ofJobs = { studioId, job: { studioId, contactId: contact.id } };
  const newest = { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], take: EACH };
  // What a proposal, contract or invoice shows in the history: its title, status, when and for which job.
  const sentDocument = {
    id: true,
    title: true,
    status: true,
    createdAt: true,
    sentAt: true,
    job: { select: { id: true, title: true } },
  } as const;
  const [leads, jobs, events, proposals, contracts, invoices, questionnaires, emails] = await Promise.all([
    db.lead.findMany({
      where: { studioId, contactId: contact.id },
      ...newest,
      select: { id: true, eventType: true, status: true, createdAt: true, archivedAt: true },
    }),
    db.job.findMany({
      where: { studioId, contactId: contact.id },
      ...newest,
      select: { id: true, title: true, status: true, createdAt: true },
    }),
    db.event.findMany({
      where: ofJobs,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      take: EACH,
      select: { id: true, name: true, startsAt: true, location: true, job: { select: { id: true, title: true } } },
    }),
    db.proposal.findMany({
      where: ofJobs,
      ...newest,
      select: sentDocument,
    }),
    db.contract.findMany({
      where: ofJobs,
      ...newest,
      select: sentDocument,
    }),
    db.invoice.findMany({
      where: ofJobs,
      ...newest,
      select: { ...sentDocument, number: true },
    }),
    db.questionnaire.findMany({
      where: ofJobs,
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: EACH,
      select: { id: true, title: true, status: true, sentAt: true, job: { select: { id: true, title: true } } },
    }),
    contact.email
      ? db.emailMessage.findMany({
          where: { studioId, to: contact.email },
          ...newest,
          select: { id: true, subject: true, status: true, createdAt: true },
        })
      : Promise.resolve([]),
  ]);
  const items: HistoryItem[] = [
    ...leads.map((l) => ({
      kind: "lead" as const,
      id: l.id,
      at: l.createdAt,
      title: `Inquiry: ${l.eventType}`,
      status: l.archivedAt ? "Archived" : LEAD_STATUS_LABELS[l.status],
      href: `/leads/${l.id}`,
    })),
    ...jobs.map((j) => ({
      kind: "job" as const,
      id: j.id,
      at: j.createdAt,
      title: j.title,
      status: JOB_STATUS_LABELS[j.status],
      href: `/jobs/${j.id}`,
    })),
    ...events.map((e) => ({
      kind: "event" as const,
      id: e.id,
      at: e.startsAt,
      title: e.name,
      detail: [e.job.title, e.location].filter(Boolean).join(" · "),
      href: `/jobs/${e.job.id}`,
    })),
    ...proposals.map((p) => ({
      kind: "proposal" as const,
      id: p.id,
      at: p.sentAt ?? p.createdAt,
      title: p.title,
      status: p.status.charAt(0) + p.status.slice(1).toLowerCase(),
      detail: p.job.title,
      href: `/jobs/${p.job.id}`,
    })),
    ...contracts.map((c) => ({
      kind: "contract" as const,
      id: c.id,
      at: c.sentAt ?? c.createdAt,
      title: c.title,
      status: CONTRACT_STATUS_LABELS[c.status],
      detail: c.job.title,
      href: contractPath(c.job.id, c.id),
    })),
    ...invoices.map((i) => ({
      kind: "invoice" as const,
      id: i.id,
      at: i.sentAt ?? i.createdAt,
      title: `Invoice ${i.number}: ${i.title}`,
      status: INVOICE_STATUS_LABELS[i.status],
      detail: i.job.title,
      href: `/invoices/${i.id}`,
    })),
    ...questionnaires.map((q) => ({
      kind: "questionnaire" as const,
      id: q.id,
      at: q.sentAt,
      title: q.title,
      status: q.status === "SUBMITTED" ? "Answered" : "Sent",
      detail: q.job.title,
      href: `/jobs/${q.job.id}/questionnaires`,
    })),
    ...emails.map((m) => ({
      kind: "email" as const,
      id: m.id,
      at: m.createdAt,
      title: m.subject,
      status: m.status.charAt(0) + m.status.slice(1).toLowerCase(),
      href: "/emails",
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1));
}

/** Other clients to merge into this one: a search, or the newest when there is none. */
export function findMergeCandidates(db: Db, { studioId, contactId, q }: Tenant & { contactId: string; q?: string }) {
  return db.contact.findMany({
    where: { studioId, ...searchWhere(q), id: { not: contactId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { id: true, name: true, email: true, phone: true },
  });
}

/** A client's details and newest jobs (id and title), as the API's client detail shows them. */
export function findContactWithJobs(db: Reader, { studioId, contactId }: Tenant & { contactId: string }) {
  return modelsOf(db).contact.findFirst({
    where: { id: contactId, studioId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      address: true,
      notes: true,
      createdAt: true,
      jobs: {
        where: { studioId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
        select: { id: true, title: true },
      },
    },
  });
}
