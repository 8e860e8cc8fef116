import { type Db } from "@/lib/db";
import { computeTotals } from "@/lib/money";

/** A proposal's total: its items carry no tax or discount. */
export const proposalTotal = (items: { quantity: number; unitPriceCents: number }[]) =>
  computeTotals(items.map((i) => ({ quantity: i.quantity, unitPriceMinor: i.unitPriceCents }))).totalMinor;
import { findLink } from "@/lib/link-directory";
import { type Prisma } from "@/prisma/generated/prisma/client";

/** A proposal as its client sees it, by its access token. Drafts are invisible. */
export async function findProposalForClient(db: Db, { token }: { token: string }) {
  const link = await findLink(db, token);
  if (!link) return null;
  return db.proposal.findFirst({
    where: { ...link, status: { in: ["SENT", "ACCEPTED", "DECLINED"] } },
    select: {
      id: true,
      studioId: true,
      title: true,
      status: true,
      depositCents: true,
      expiresAt: true,
      sentAt: true,
      respondedAt: true,
      items: {
        orderBy: { position: "asc" },
        select: { id: true, description: true, quantity: true, unitPriceCents: true },
      },
      job: { select: { title: true, contact: { select: { name: true } } } },
      booking: { select: { status: true } },
      invoices: {
        where: { status: { in: ["SENT", "PARTIALLY_PAID", "PAID"] } },
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true },
      },
      studio: { select: { name: true, timeZone: true, currency: true, locale: true } },
    },
  });
}

/** A sent proposal can be answered until the end of its expiry day (stored as the next local midnight). */
export function isProposalExpired(expiresAt: Date, now = new Date()): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** A draft to edit, with its job; null for a sent proposal or another studio's. */
export function findDraftProposal(
  db: Db,
  { studioId, jobId, proposalId }: { studioId: string; jobId: string; proposalId: string },
) {
  return db.proposal.findFirst({
    where: { id: proposalId, jobId, studioId, status: "DRAFT" },
    select: {
      id: true,
      title: true,
      depositCents: true,
      expiresAt: true,
      job: { select: { id: true, title: true } },
      items: { orderBy: { position: "asc" }, select: { description: true, quantity: true, unitPriceCents: true } },
    },
  });
}

/** A proposal as the job page lists it (its link token's hash is only for deciding whether it was sent). */
export const proposalRowSelect = {
  id: true,
  jobId: true,
  title: true,
  status: true,
  tokenHash: true,
  depositCents: true,
  expiresAt: true,
  sentAt: true,
  respondedAt: true,
  createdAt: true,
  contract: { select: { id: true, title: true } },
  items: {
    orderBy: { position: "asc" },
    select: { id: true, description: true, quantity: true, unitPriceCents: true },
  },
} satisfies Prisma.ProposalSelect;

export function findProposal(db: Db, { studioId, proposalId }: { studioId: string; proposalId: string }) {
  return db.proposal.findFirst({ where: { id: proposalId, studioId }, select: proposalRowSelect });
}
