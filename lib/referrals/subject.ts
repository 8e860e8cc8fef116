import { AppError } from "@/lib/errors";
import { type ReferralSubject } from "@/lib/referrals/schemas";

// What a referral may copy from a lead or a job: the client and the event, nothing else.
export const LEAD_REFERRAL_SELECT = {
  name: true,
  email: true,
  phone: true,
  eventType: true,
  eventDate: true,
  message: true,
} as const;
export const JOB_REFERRAL_SELECT = {
  title: true,
  type: true,
  date: true,
  contact: { select: { name: true, email: true, phone: true } },
} as const;

type LeadRow = {
  name: string;
  email: string;
  phone: string | null;
  eventType: string;
  eventDate: Date | null;
  message: string | null;
};
type JobRow = {
  title: string;
  type: string;
  date: Date | null;
  contact: { name: string; email: string | null; phone: string | null };
};

export type Referrable = { subject: ReferralSubject; subjectTitle: string };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** `note` is the sender's message as sent (null: none); undefined proposes the lead's own message. */
export function leadReferrable(lead: LeadRow, note: string | null | undefined): Referrable {
  return {
    subject: {
      clientName: lead.name,
      email: lead.email,
      phone: lead.phone,
      eventType: lead.eventType,
      eventDate: isoDate(lead.eventDate),
      message: note === undefined ? lead.message : note,
    },
    subjectTitle: `${lead.name} – ${capitalise(lead.eventType)}`,
  };
}

export function jobReferrable(job: JobRow, note: string | null): Referrable {
  if (!job.contact.email)
    throw new AppError("VALIDATION", `${job.contact.name} has no email address; add one before referring this job.`);
  return {
    subject: {
      clientName: job.contact.name,
      email: job.contact.email,
      phone: job.contact.phone,
      eventType: job.type,
      eventDate: isoDate(job.date),
      message: note,
    },
    subjectTitle: job.title,
  };
}
