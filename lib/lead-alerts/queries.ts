import { dayKeyOfDateColumn, formatDateTime, formatDayKey } from "@/lib/calendar/zoned";
import { DIGEST_LIST_LIMIT, INQUIRY_SOURCES } from "@/lib/lead-alerts/schemas";
import { modelsOf, type Reader } from "@/lib/reader";

const inquirySelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  eventType: true,
  eventDate: true,
  message: true,
  createdAt: true,
  brand: { select: { name: true } },
} as const;

/** One inquiry as an alert shows it: the event date as the client wrote it, never shifted by a zone. */
function describeInquiry(lead: { eventType: string; eventDate: Date | null; brand: { name: string } | null }): {
  event: string;
  brand: string | null;
} {
  const day = lead.eventDate ? formatDayKey(dayKeyOfDateColumn(lead.eventDate)) : null;
  return { event: day ? `${lead.eventType}, ${day}` : lead.eventType, brand: lead.brand?.name ?? null };
}

/** A new inquiry for its alert; null when it is gone (deleted before the email went). */
export async function findInquiryForAlert(db: Reader, { studioId, leadId }: { studioId: string; leadId: string }) {
  const lead = await modelsOf(db).lead.findFirst({ where: { id: leadId, studioId }, select: inquirySelect });
  return lead && { ...lead, ...describeInquiry(lead) };
}

/** A member's choice of new-inquiry emails, for Settings → Account. */
export async function findLeadAlert(db: Reader, { studioId, userId }: { studioId: string; userId: string }) {
  const user = await modelsOf(db).user.findFirst({
    where: { id: userId, studioId, removedAt: null },
    select: { leadAlert: true, emailVerifiedAt: true },
  });
  return user && { leadAlert: user.leadAlert, isConfirmed: Boolean(user.emailVerifiedAt) };
}

/** A digest with the inquiries it covers (the first DIGEST_LIST_LIMIT, and how many in all); null when gone. */
export async function findDigestForEmail(db: Reader, { studioId, digestId }: { studioId: string; digestId: string }) {
  const models = modelsOf(db);
  const digest = await models.leadDigest.findFirst({
    where: { id: digestId, studioId, user: { removedAt: null, leadAlert: "DAILY" } },
    select: {
      since: true,
      sentAt: true,
      user: { select: { name: true } },
      studio: { select: { name: true, timeZone: true } },
    },
  });
  if (!digest) return null;
  const where = {
    studioId,
    source: { in: [...INQUIRY_SOURCES] },
    createdAt: { gte: digest.since, lt: digest.sentAt },
  };
  // One after the other: the worker reads inside its delivery transaction.
  const leads = await models.lead.findMany({
    where,
    select: inquirySelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: DIGEST_LIST_LIMIT,
  });
  const total = await models.lead.count({ where });
  return {
    memberName: digest.user.name,
    studioName: digest.studio.name,
    since: formatDateTime(digest.since, digest.studio.timeZone),
    total,
    leads: leads.map((lead) => ({ ...lead, ...describeInquiry(lead) })),
  };
}
