import { dayKeyOfDateColumn, formatDateTime, formatShortDayKey } from "@/lib/calendar/zoned";
import { type Db } from "@/lib/db";
import { JOB_STATUS_LABELS } from "@/lib/jobs/schemas";
import { LEAD_STATUS_LABELS } from "@/lib/leads/schemas";
import { MIN_SEARCH_LENGTH, SEARCH_KINDS, type SearchKind } from "@/lib/search/schemas";

export type SearchHit = { kind: SearchKind; id: string; title: string; detail: string; href: string };
export type SearchGroup = { kind: SearchKind; label: string; hits: SearchHit[] };

const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });

/**
 * One box for the whole studio: clients and leads by name or email, jobs by title, events by
 * name or location. Each kind is one read of its (studioId, trigram) GIN index, so a common
 * word is matched within this studio only, never across every studio's rows. Empty kinds are
 * left out; the order of the groups is fixed so the keyboard path through them is predictable.
 */
export async function searchStudio(
  db: Db,
  {
    studioId,
    q,
    timeZone,
    take = 5,
  }: {
    studioId: string;
    q: string;
    /** The page knows it from its context; the suggestions route has it read beside the searches. */
    timeZone?: string;
    take?: number;
  },
): Promise<SearchGroup[]> {
  const text = q.trim().slice(0, 100);
  if (text.length < MIN_SEARCH_LENGTH) return [];
  const [clients, leads, jobs, events, zone] = await Promise.all([
    db.contact.findMany({
      where: { studioId, OR: [{ name: contains(text) }, { email: contains(text) }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, name: true, email: true, phone: true },
    }),
    db.lead.findMany({
      where: { studioId, OR: [{ name: contains(text) }, { email: contains(text) }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, name: true, eventType: true, eventDate: true, status: true, archivedAt: true },
    }),
    db.job.findMany({
      where: { studioId, title: contains(text) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, title: true, date: true, status: true, contact: { select: { name: true } } },
    }),
    db.event.findMany({
      where: { studioId, OR: [{ name: contains(text) }, { location: contains(text) }] },
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, name: true, startsAt: true, location: true, job: { select: { id: true, title: true } } },
    }),
    timeZone ??
      db.studio
        .findUnique({ where: { id: studioId }, select: { timeZone: true } })
        .then((studio) => studio?.timeZone ?? "UTC"),
  ]);
  const day = (d: Date | null) => (d ? formatShortDayKey(dayKeyOfDateColumn(d)) : null);
  const groups: SearchGroup[] = [
    {
      kind: "client",
      label: SEARCH_KINDS.client,
      hits: clients.map((c) => ({
        kind: "client" as const,
        id: c.id,
        title: c.name,
        detail: c.email ?? c.phone ?? "No email",
        href: `/clients/${c.id}`,
      })),
    },
    {
      kind: "lead",
      label: SEARCH_KINDS.lead,
      hits: leads.map((l) => ({
        kind: "lead" as const,
        id: l.id,
        title: l.name,
        detail: [l.eventType, day(l.eventDate), l.archivedAt ? "Archived" : LEAD_STATUS_LABELS[l.status]]
          .filter(Boolean)
          .join(" · "),
        href: `/leads/${l.id}`,
      })),
    },
    {
      kind: "job",
      label: SEARCH_KINDS.job,
      hits: jobs.map((j) => ({
        kind: "job" as const,
        id: j.id,
        title: j.title,
        detail: [j.contact.name, day(j.date), JOB_STATUS_LABELS[j.status]].filter(Boolean).join(" · "),
        href: `/jobs/${j.id}`,
      })),
    },
    {
      kind: "event",
      label: SEARCH_KINDS.event,
      hits: events.map((e) => ({
        kind: "event" as const,
        id: e.id,
        title: e.name,
        detail: [e.job.title, formatDateTime(e.startsAt, zone), e.location].filter(Boolean).join(" · "),
        href: `/jobs/${e.job.id}`,
      })),
    },
  ];
  return groups.filter((g) => g.hits.length > 0);
}
