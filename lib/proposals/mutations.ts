import { addDays, dayKeyOf, startOfDay } from "@/lib/calendar/zoned";
import {
  sendContractWithProposal,
  signContractWithProposal,
  voidContractWithProposal,
  type RequestOrigin,
} from "@/lib/contracts/mutations";
import { type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { AppError, notFound } from "@/lib/errors";
import { requireJob } from "@/lib/jobs/mutations";
import { createInvoiceFromProposal, sendInvoice } from "@/lib/invoices/mutations";
import { notify } from "@/lib/notifications/mutations";
import { queueWebhookEvent } from "@/lib/webhooks/outbox";
import { type CreateProposalInput, type UpdateProposalInput } from "@/lib/proposals/schemas";
import { requireStudioMoney } from "@/lib/studios/mutations";
import { findLink } from "@/lib/link-directory";
import { linkToken, linkTokenHash } from "@/lib/tokens";

type Tenant = { studioId: string };

/** The end of `expiresOn` in the studio's time zone; today or later. */
function expiryOf({ expiresOn, timeZone, now }: { expiresOn: string; timeZone: string; now: Date }) {
  if (expiresOn < dayKeyOf(now, timeZone)) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", {
      expiresOn: ["Choose today or a later date."],
    });
  }
  return startOfDay(addDays(expiresOn, 1), timeZone);
}

/** A proposal's rows as stored: amounts in the studio's minor unit, in the order typed. */
const itemRows = (items: CreateProposalInput["items"]) =>
  items.map((item, position) => ({
    position,
    description: item.description,
    quantity: item.quantity,
    unitPriceCents: item.unitPriceMinor,
  }));

/** A draft proposal; it expires at the end of `expiresOn` in the studio's time zone. */
export async function createProposal(
  tx: Tx,
  { studioId, input, now = new Date() }: Tenant & { input: CreateProposalInput; now?: Date },
) {
  const job = await requireJob(tx, { studioId, jobId: input.jobId });
  const { timeZone } = await requireStudioMoney(tx, { studioId, typed: input.money });
  const expiresAt = expiryOf({ expiresOn: input.expiresOn, timeZone, now });
  // The items are their own insert, not a nested create: Prisma reads a row back by its id alone
  // after nested writes, and every statement names the studio.
  const proposal = await tx.proposal.create({
    data: { studioId, jobId: job.id, title: input.title, depositCents: input.depositCents, expiresAt },
    select: { id: true, jobId: true },
  });
  await tx.proposalItem.createMany({
    data: itemRows(input.items).map((row) => ({ studioId, proposalId: proposal.id, ...row })),
  });
  return proposal;
}

/** Rewrites a draft; once sent, a proposal is what the client saw and cannot change. */
export async function updateProposal(
  tx: Tx,
  { studioId, input, now = new Date() }: Tenant & { input: UpdateProposalInput; now?: Date },
) {
  const proposal = await tx.proposal.findFirst({
    where: { id: input.proposalId, studioId },
    select: { id: true, jobId: true, status: true },
  });
  if (!proposal) throw notFound("That proposal");
  const { timeZone } = await requireStudioMoney(tx, { studioId, typed: input.money });
  const expiresAt = expiryOf({ expiresOn: input.expiresOn, timeZone, now });
  // Conditional on DRAFT: a proposal sent a moment ago is not rewritten under the client.
  const { count } = await tx.proposal.updateMany({
    where: { id: proposal.id, studioId, status: "DRAFT" },
    data: { title: input.title, depositCents: input.depositCents, expiresAt },
  });
  if (count === 0) throw new AppError("CONFLICT", "This proposal was already sent, so it can no longer be changed.");
  await tx.proposalItem.deleteMany({ where: { studioId, proposalId: proposal.id } });
  await tx.proposalItem.createMany({
    data: itemRows(input.items).map((row) => ({ studioId, proposalId: proposal.id, ...row })),
  });
  return { id: proposal.id, jobId: proposal.jobId };
}

/**
 * Sends a draft: its client link (a token derived from the proposal, only its hash stored) is
 * emailed through the outbox in this transaction. A contract attached to the proposal is frozen
 * with it and signed from the same link.
 */
export async function sendProposal(
  tx: Tx,
  {
    studioId,
    proposalId,
    actor,
    now = new Date(),
  }: Tenant & { proposalId: string; actor?: { id: string; name: string }; now?: Date },
) {
  const proposal = await tx.proposal.findFirst({
    where: { id: proposalId, studioId },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      job: {
        select: {
          id: true,
          title: true,
          status: true,
          contact: { select: { name: true, email: true } },
          lead: { select: { id: true, status: true } },
        },
      },
    },
  });
  if (!proposal) throw notFound("That proposal");
  if (proposal.status !== "DRAFT") throw new AppError("CONFLICT", "This proposal was already sent.");
  if (proposal.expiresAt <= now)
    throw new AppError("VALIDATION", "This proposal has expired. Create a new one with a later expiry date.");
  const to = proposal.job.contact.email;
  if (!to)
    throw new AppError("VALIDATION", `${proposal.job.contact.name} has no email address to send the proposal to.`);

  const { count } = await tx.proposal.updateMany({
    where: { id: proposal.id, studioId, status: "DRAFT" },
    data: { status: "SENT", tokenHash: linkTokenHash("proposal", proposal.id), sentAt: now },
  });
  if (count === 0) throw new AppError("CONFLICT", "This proposal was already sent.");
  await sendContractWithProposal(tx, {
    studioId,
    proposalId: proposal.id,
    actor: actor ?? { id: "", name: "the studio" },
    expiresAt: proposal.expiresAt,
    now,
  });
  await queueEmail(tx, { studioId, kind: "proposal.sent", to, params: { proposalId: proposal.id } });
  const lead = proposal.job.lead;
  if (lead && (lead.status === "NEW" || lead.status === "CONTACTED")) {
    await tx.lead.updateMany({ where: { id: lead.id, studioId }, data: { status: "PROPOSAL_SENT" } });
  }
  if (proposal.job.status === "LEAD")
    await tx.job.updateMany({ where: { id: proposal.job.id, studioId }, data: { status: "PROPOSED" } });
  return { jobId: proposal.job.id, token: linkToken("proposal", proposal.id) };
}

const ANSWERED: Record<string, string> = { ACCEPTED: "accepted", DECLINED: "declined" };

const BOOKING_EVENT_FIELDS = { id: true, jobId: true, proposalId: true, status: true, createdAt: true } as const;

/** The `booking.confirmed` payload: the booking and the job it books (no client link). */
const bookingEvent = (
  booking: { id: string; jobId: string; proposalId: string; status: string; createdAt: Date },
  job: { title: string; contact: { name: string } },
) => ({ ...booking, createdAt: booking.createdAt.toISOString(), jobTitle: job.title, clientName: job.contact.name });

/**
 * The client's answer on the proposal page. The token is the only key a client has; the
 * studio comes from the proposal it unlocks. A second answer, or one after expiry, is refused.
 */
export async function respondToProposal(
  tx: Tx,
  {
    token,
    decision,
    signature,
    origin = { ipAddress: "unknown", userAgent: "unknown" },
    now = new Date(),
  }: { token: string; decision: "accept" | "decline"; signature?: unknown; origin?: RequestOrigin; now?: Date },
) {
  const link = await findLink(tx, token);
  const proposal =
    link &&
    (await tx.proposal.findUnique({
      where: { studioId_tokenHash: link },
      select: {
        id: true,
        studioId: true,
        status: true,
        expiresAt: true,
        respondedAt: true,
        job: { select: { id: true, title: true, contact: { select: { name: true } }, lead: { select: { id: true } } } },
      },
    }));
  if (!proposal || proposal.status === "DRAFT") throw notFound("That proposal");
  const { studioId } = proposal;
  if (proposal.status !== "SENT")
    throw new AppError("CONFLICT", `You already ${ANSWERED[proposal.status]} this proposal.`);
  if (proposal.expiresAt <= now)
    throw new AppError(
      "CONFLICT",
      "This proposal has expired and can no longer be accepted or declined. Please contact the studio.",
    );

  const status = decision === "accept" ? "ACCEPTED" : "DECLINED";
  // Conditional on SENT: of two simultaneous answers, exactly one wins.
  const { count } = await tx.proposal.updateMany({
    where: { id: proposal.id, studioId, status: "SENT" },
    data: { status, respondedAt: now },
  });
  if (count === 0) throw new AppError("CONFLICT", "This proposal was already answered.");

  if (decision === "accept") {
    await signContractWithProposal(tx, { studioId, proposalId: proposal.id, fields: signature ?? {}, origin, now });
    const studio = await tx.studio.findUniqueOrThrow({ where: { id: studioId }, select: { requireRetainer: true } });
    if (proposal.job.lead)
      await tx.lead.updateMany({ where: { id: proposal.job.lead.id, studioId }, data: { status: "BOOKED" } });
    if (studio.requireRetainer) {
      // The booking waits for the retainer: the client is sent its invoice and straight to paying it.
      const booking = await tx.booking.create({
        data: { studioId, jobId: proposal.job.id, proposalId: proposal.id, status: "AWAITING_RETAINER" },
        select: BOOKING_EVENT_FIELDS,
      });
      await queueWebhookEvent(tx, { studioId, type: "booking.confirmed", data: bookingEvent(booking, proposal.job) });
      const invoice = await createInvoiceFromProposal(tx, { studioId, proposalId: proposal.id, now });
      const sent = await sendInvoice(tx, { studioId, invoiceId: invoice.id, now, email: "if-possible" });
      await notify(tx, {
        studioId,
        kind: "booking.awaiting-retainer",
        message: `${proposal.job.title}: proposal accepted, waiting for the retainer`,
        link: `/invoices/${invoice.id}`,
      });
      return { studioId, jobId: proposal.job.id, status, invoice: { id: invoice.id, token: sent.token } };
    }
    const booking = await tx.booking.create({
      data: { studioId, jobId: proposal.job.id, proposalId: proposal.id },
      select: BOOKING_EVENT_FIELDS,
    });
    await queueWebhookEvent(tx, { studioId, type: "booking.confirmed", data: bookingEvent(booking, proposal.job) });
    await notify(tx, {
      studioId,
      kind: "booking.created",
      message: "You have a new booking to review",
      link: "/bookings",
    });
  } else {
    await voidContractWithProposal(tx, {
      studioId,
      proposalId: proposal.id,
      clientName: proposal.job.contact.name,
      now,
    });
    await notify(tx, {
      studioId,
      kind: "proposal.declined",
      message: `Your most recent proposal for ${proposal.job.title} was declined`,
      link: `/jobs/${proposal.job.id}`,
    });
  }
  return { studioId, jobId: proposal.job.id, status, invoice: null };
}
