import { JOB_STATUS_LABELS } from "@/lib/jobs/schemas";
import { LEAD_STATUS_LABELS } from "@/lib/leads/schemas";
import { INVOICE_STATUS_LABELS } from "@/lib/invoices/schemas";
import {
  type BookingStatus,
  type InstallmentStatus,
  type InvoiceStatus,
  type JobStatus,
  type LeadStatus,
  type ProposalStatus,
} from "@/prisma/generated/prisma/enums";

type Tone = "blue" | "amber" | "violet" | "green" | "slate" | "red";

const tones: Record<Tone, string> = {
  blue: "bg-blue-50 text-blue-700 ring-blue-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
};

export function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

const leadTones: Record<LeadStatus, Tone> = {
  NEW: "blue",
  CONTACTED: "amber",
  PROPOSAL_SENT: "violet",
  BOOKED: "green",
  LOST: "slate",
};
const jobTones: Record<JobStatus, Tone> = {
  LEAD: "blue",
  PROPOSED: "violet",
  BOOKED: "green",
  COMPLETED: "slate",
  CANCELLED: "red",
};
const proposalTones: Record<ProposalStatus, Tone> = {
  DRAFT: "slate",
  SENT: "violet",
  ACCEPTED: "green",
  DECLINED: "red",
};
const PROPOSAL_LABELS: Record<ProposalStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
};

export const LeadStatusBadge = ({ status }: { status: LeadStatus }) => (
  <Badge tone={leadTones[status]}>{LEAD_STATUS_LABELS[status]}</Badge>
);
export const JobStatusBadge = ({ status }: { status: JobStatus }) => (
  <Badge tone={jobTones[status]}>{JOB_STATUS_LABELS[status]}</Badge>
);
export const ProposalStatusBadge = ({ status }: { status: ProposalStatus }) => (
  <Badge tone={proposalTones[status]}>{PROPOSAL_LABELS[status]}</Badge>
);
const bookingBadges: Record<BookingStatus, [Tone, string]> = {
  CONFIRMED: ["green", "Confirmed"],
  PENDING_REVIEW: ["amber", "To review"],
  AWAITING_RETAINER: ["violet", "Awaiting retainer"],
};
export const BookingStatusBadge = ({ status }: { status: BookingStatus }) => (
  <Badge tone={bookingBadges[status][0]}>{bookingBadges[status][1]}</Badge>
);

const invoiceTones: Record<InvoiceStatus, Tone> = {
  DRAFT: "slate",
  SENT: "blue",
  PARTIALLY_PAID: "amber",
  PAID: "green",
  VOID: "slate",
};
export const InvoiceStatusBadge = ({ status, isOverdue = false }: { status: InvoiceStatus; isOverdue?: boolean }) =>
  isOverdue && (status === "SENT" || status === "PARTIALLY_PAID") ? (
    <Badge tone="red">Overdue</Badge>
  ) : (
    <Badge tone={invoiceTones[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>
  );

const installmentBadges: Record<InstallmentStatus, [Tone, string]> = {
  OPEN: ["blue", "Due"],
  OVERDUE: ["red", "Overdue"],
  PAID: ["green", "Paid"],
};
export const InstallmentStatusBadge = ({ status }: { status: InstallmentStatus }) => (
  <Badge tone={installmentBadges[status][0]}>{installmentBadges[status][1]}</Badge>
);
