import { ensureContact } from "@/lib/contacts/mutations";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { queueLeadCreated } from "@/lib/leads/mutations";
import { notify } from "@/lib/notifications/mutations";
import { readSubject } from "@/lib/referrals/schemas";
import {
  JOB_REFERRAL_SELECT,
  jobReferrable,
  LEAD_REFERRAL_SELECT,
  leadReferrable,
  type Referrable,
} from "@/lib/referrals/subject";

async function copyReferrable(
  tx: Tx,
  { studioId, leadId, jobId, note }: { studioId: string; leadId?: string; jobId?: string; note: string | null },
): Promise<Referrable> {
  if (leadId) {
    const lead = await tx.lead.findFirst({ where: { id: leadId, studioId }, select: LEAD_REFERRAL_SELECT });
    if (!lead) throw notFound("That lead");
    return leadReferrable(lead, note);
  }
  const job = await tx.job.findFirst({ where: { id: jobId, studioId }, select: JOB_REFERRAL_SELECT });
  if (!job) throw notFound("That job");
  return jobReferrable(job, note);
}

/**
 * Refers a lead or job to another photographer by email. The referral carries a copy of what
 * is referred; a photographer already on ShootQ is notified, anyone else is invited by email.
 */
export async function createReferral(
  tx: Tx,
  {
    studioId,
    userId,
    leadId,
    jobId,
    toEmail,
    note,
  }: { studioId: string; userId: string; leadId?: string; jobId?: string; toEmail: string; note: string | null },
) {
  const sender = await tx.user.findFirst({
    where: { id: userId, studioId },
    select: { id: true, name: true, email: true },
  });
  if (!sender) throw notFound("Your account");
  const { subject, subjectTitle } = await copyReferrable(tx, { studioId, leadId, jobId, note });
  const receiver = await tx.user.findFirst({
    where: { email: toEmail, removedAt: null, studioId: { not: null } },
    select: { studioId: true },
  });
  if (receiver?.studioId === studioId) {
    throw new AppError("VALIDATION", "Refer to a photographer outside your studio.", {
      toEmail: ["That address belongs to someone in your own studio."],
    });
  }
  const toStudioId = receiver?.studioId ?? null;
  const referral = await tx.referral.create({
    data: { fromStudioId: studioId, fromUserId: sender.id, toEmail, toStudioId, subject, subjectTitle },
    select: { id: true },
  });
  if (toStudioId) {
    await notify(tx, {
      studioId: toStudioId,
      kind: "referral.received",
      message: `${sender.name} referred you to ${subjectTitle}`,
      link: "/referrals",
    });
  } else {
    await queueEmail(tx, { studioId, kind: "referral.invite", to: toEmail, params: { referralId: referral.id } });
  }
  await notify(tx, {
    studioId,
    kind: "referral.sent",
    message: `You referred ${subjectTitle} to ${toEmail}${toStudioId ? "" : " (invited to ShootQ)"}`,
    link: "/referrals",
  });
  return { id: referral.id, toStudioId };
}

/**
 * The receiving studio accepts (the copy becomes a lead of theirs, source "referral") or
 * rejects. Only a referral addressed to this studio can be answered, and only once.
 */
export async function respondToReferral(
  tx: Tx,
  {
    studioId,
    userId,
    referralId,
    decision,
    now = new Date(),
  }: { studioId: string; userId: string; referralId: string; decision: "accept" | "reject"; now?: Date },
) {
  const referral = await tx.referral.findFirst({
    where: { id: referralId, toStudioId: studioId },
    select: { id: true, fromStudioId: true, subject: true, subjectTitle: true, status: true },
  });
  if (!referral) throw notFound("That referral");
  const responder = await tx.user.findFirst({ where: { id: userId, studioId }, select: { name: true } });
  if (!responder) throw notFound("Your account");
  const { count } = await tx.referral.updateMany({
    where: { id: referral.id, toStudioId: studioId, status: "PENDING" },
    data: { status: decision === "accept" ? "ACCEPTED" : "REJECTED", respondedAt: now },
  });
  if (count === 0) throw new AppError("CONFLICT", "That referral was already answered.");

  if (decision === "reject") {
    await notify(tx, {
      studioId: referral.fromStudioId,
      kind: "referral.rejected",
      message: `${responder.name} rejected your referral for ${referral.subjectTitle}`,
      link: "/referrals",
    });
    return { leadId: null };
  }
  const subject = readSubject(referral.subject);
  if (!subject) throw new AppError("CONFLICT", "That referral cannot be read; ask the sender to refer again.");
  const contact = await ensureContact(tx, {
    studioId,
    name: subject.clientName,
    email: subject.email,
    phone: subject.phone,
  });
  const lead = await tx.lead.create({
    data: {
      studioId,
      contactId: contact.id,
      name: subject.clientName,
      email: subject.email,
      phone: subject.phone,
      eventType: subject.eventType,
      eventDate: subject.eventDate ? new Date(`${subject.eventDate}T00:00:00Z`) : null,
      message: subject.message,
      source: "referral",
    },
    select: { id: true },
  });
  await queueLeadCreated(tx, { studioId, leadId: lead.id });
  await notify(tx, {
    studioId,
    kind: "lead.created",
    message: `You have a new lead from ${subject.clientName} (referral)`,
    link: `/leads/${lead.id}`,
  });
  await notify(tx, {
    studioId: referral.fromStudioId,
    kind: "referral.accepted",
    message: `${responder.name} accepted your referral for ${referral.subjectTitle}`,
    link: "/referrals",
  });
  return { leadId: lead.id };
}
