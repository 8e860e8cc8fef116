import { type Db } from "@/lib/db";
import { readSubject } from "@/lib/referrals/schemas";
import {
  JOB_REFERRAL_SELECT,
  jobReferrable,
  LEAD_REFERRAL_SELECT,
  leadReferrable,
  type Referrable,
} from "@/lib/referrals/subject";

export async function findSentReferrals(db: Db, { studioId }: { studioId: string }) {
  return db.referral.findMany({
    where: { fromStudioId: studioId },
    select: {
      id: true,
      toEmail: true,
      subjectTitle: true,
      status: true,
      createdAt: true,
      respondedAt: true,
      toStudioId: true,
      fromUser: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/**
 * Referrals addressed to this studio. The receiver sees the copy and the sender's name only:
 * no id or row of the sender's studio is selected.
 */
export async function findReceivedReferrals(db: Db, { studioId }: { studioId: string }) {
  const rows = await db.referral.findMany({
    where: { toStudioId: studioId },
    select: {
      id: true,
      subject: true,
      subjectTitle: true,
      status: true,
      createdAt: true,
      respondedAt: true,
      fromUser: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    subjectTitle: r.subjectTitle,
    subject: readSubject(r.subject),
    status: r.status,
    createdAt: r.createdAt,
    respondedAt: r.respondedAt,
    senderName: r.fromUser.name,
  }));
}

/** What a referral of this lead or job would carry, to show the sender before sending. */
export async function previewReferral(
  db: Db,
  { studioId, leadId, jobId }: { studioId: string; leadId?: string; jobId?: string },
): Promise<Referrable | null> {
  if (leadId) {
    const lead = await db.lead.findFirst({ where: { id: leadId, studioId }, select: LEAD_REFERRAL_SELECT });
    return lead ? leadReferrable(lead, undefined) : null;
  }
  if (!jobId) return null;
  const job = await db.job.findFirst({ where: { id: jobId, studioId }, select: JOB_REFERRAL_SELECT });
  if (!job) return null;
  if (!job.contact.email)
    return {
      subject: {
        clientName: job.contact.name,
        email: "",
        phone: job.contact.phone,
        eventType: job.type,
        eventDate: job.date?.toISOString().slice(0, 10) ?? null,
        message: null,
      },
      subjectTitle: job.title,
    };
  return jobReferrable(job, null);
}
