import { type Db } from "@/lib/db";
import { modelsOf, type Reader } from "@/lib/reader";
import { findKeysetPage, type PageRequest, type Section } from "@/lib/pagination";
import { OPEN_LEAD_STATUSES, type LeadShow, type LeadSort } from "@/lib/leads/schemas";
import { type Prisma } from "@/prisma/generated/prisma/client";

export type LeadListFilter = {
  studioId: string;
  brandId?: string;
  /** Default: open leads only. */
  status?: LeadShow;
  q?: string;
  sort: LeadSort;
};

const listSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  eventType: true,
  eventDate: true,
  status: true,
  source: true,
  createdAt: true,
  archivedAt: true,
  jobId: true,
  brand: { select: { name: true } },
} satisfies Prisma.LeadSelect;

export type LeadListRow = Prisma.LeadGetPayload<{ select: typeof listSelect }>;

function showWhere(show: LeadShow = "open"): Prisma.LeadWhereInput {
  if (show === "all") return {};
  if (show === "archived") return { archivedAt: { not: null } };
  return { status: show === "open" ? { in: OPEN_LEAD_STATUSES } : show, archivedAt: null };
}

function leadListWhere({ studioId, brandId, status, q }: LeadListFilter): Prisma.LeadWhereInput {
  return {
    studioId,
    ...(brandId ? { brandId } : {}),
    ...showWhere(status),
    // Served by the trigram index on (name, email); the studio filter then applies to the few matches.
    ...(q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
      : {}),
  };
}

function leadSections(filter: LeadListFilter): Section[] {
  const where = leadListWhere(filter) as Record<string, unknown>;
  if (filter.sort === "oldest") return [{ where, key: "createdAt", dir: "asc" }];
  if (filter.sort === "event-date") {
    // Dated leads soonest first, then undated ones: two sections so each stays an index range.
    return [
      { where: { AND: [where, { eventDate: { not: null } }] }, key: "eventDate", dir: "asc" },
      { where: { AND: [where, { eventDate: null }] }, key: null, dir: "desc" },
    ];
  }
  return [{ where, key: "createdAt", dir: "desc" }];
}

/** One page (25, or `size` for an export's batches) of the leads list. */
export function findLeadPage(db: Db, filter: LeadListFilter & PageRequest & { size?: number }) {
  return findKeysetPage<LeadListRow>({
    sections: leadSections(filter),
    request: filter,
    size: filter.size,
    fetch: ({ where, orderBy, take }) =>
      db.lead.findMany({
        where: where as Prisma.LeadWhereInput,
        orderBy: orderBy as Prisma.LeadOrderByWithRelationInput[],
        take,
        select: listSelect,
      }),
    keyOf: (row, section) =>
      section.key === "eventDate" ? row.eventDate : section.key === "createdAt" ? row.createdAt : null,
  });
}

/** Also re-read inside a write (the API answers with what it saved). */
export function findLead(db: Reader, { studioId, leadId }: { studioId: string; leadId: string }) {
  return modelsOf(db).lead.findFirst({
    where: { id: leadId, studioId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      eventType: true,
      eventDate: true,
      message: true,
      status: true,
      source: true,
      createdAt: true,
      archivedAt: true,
      brandId: true,
      contactId: true,
      jobId: true,
      brand: { select: { name: true } },
      job: { select: { id: true, title: true } },
      contact: { select: { id: true, name: true } },
    },
  });
}

export function findLeadNotePage(
  db: Db,
  { studioId, leadId, ...request }: { studioId: string; leadId: string } & PageRequest,
) {
  return findKeysetPage({
    sections: [{ where: { studioId, leadId }, key: "createdAt", dir: "desc" }],
    request,
    size: 20,
    fetch: ({ where, orderBy, take }) =>
      db.leadNote.findMany({
        where: where as Prisma.LeadNoteWhereInput,
        orderBy: orderBy as Prisma.LeadNoteOrderByWithRelationInput[],
        take,
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      }),
    keyOf: (row) => row.createdAt,
  });
}
