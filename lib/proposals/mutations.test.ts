import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { createProposal, respondToProposal, sendProposal, updateProposal } from "@/lib/proposals/mutations";
import { findProposalForClient } from "@/lib/proposals/queries";
import {
  createProposalSchema,
  proposalToken,
  respondToProposalSchema,
  updateProposalSchema,
} from "@/lib/proposals/schemas";
import { createContact, createJob, createLead, createStudio } from "@/prisma/factories";
import { hashToken, linkToken } from "@/lib/tokens";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

const NOW = new Date("2027-03-01T15:00:00Z");
const USD = { currency: "USD", locale: "en-US" };

async function setup() {
  const { studio } = await createStudio(db(), {
    timeZone: "America/New_York",
    name: `Lumen ${Math.random().toString(36).slice(2, 8)}`,
  });
  const job = await createJob(db(), {
    studioId: studio.id,
    title: "Rossi–Kim Wedding",
    status: "LEAD",
    contact: { name: "Isabella Rossi", email: "isabella@example.com" },
  });
  const lead = await createLead(db(), { studioId: studio.id, jobId: job.id, status: "CONTACTED" });
  const other = await createStudio(db());
  return { studioId: studio.id, studioName: studio.name, job, lead, otherStudioId: other.studio.id };
}

const form = (jobId: string, extra: Record<string, unknown> = {}) =>
  createProposalSchema.parse({
    jobId,
    title: "Full-Day Collection",
    description: ["Eight hours of coverage", "Leather album", ""],
    quantity: ["1", "2", "1"],
    unitPrice: ["4,500", "650.50", ""],
    deposit: "1000",
    expiresOn: "2027-03-15",
    ...USD,
    ...extra,
  });

async function sentProposal(extra: Record<string, unknown> = {}) {
  const s = await setup();
  const { id } = await inTx((tx) =>
    createProposal(tx, { studioId: s.studioId, input: form(s.job.id, extra), now: NOW }),
  );
  const sent = await inTx((tx) => sendProposal(tx, { studioId: s.studioId, proposalId: id, now: NOW }));
  return { ...s, proposalId: id, ...sent };
}

describe("createProposal", () => {
  it("saves line items in order, the deposit in cents and an expiry at the end of the chosen day", async () => {
    const { studioId, job } = await setup();
    const { id } = await inTx((tx) => createProposal(tx, { studioId, input: form(job.id), now: NOW }));
    const proposal = await db().proposal.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(proposal).toMatchObject({
      studioId,
      jobId: job.id,
      title: "Full-Day Collection",
      status: "DRAFT",
      depositCents: 100_000,
      sentAt: null,
    });
    expect(proposal.items.map((i) => [i.position, i.description, i.quantity, i.unitPriceCents])).toEqual([
      [0, "Eight hours of coverage", 1, 450_000],
      [1, "Leather album", 2, 65_050],
    ]);
    // Midnight after March 15 in New York (UTC-4 once daylight time starts on March 14).
    expect(proposal.expiresAt.toISOString()).toBe("2027-03-16T04:00:00.000Z");
  });

  it("refuses an expiry date in the past and saves nothing", async () => {
    const { studioId, job } = await setup();
    await expect(
      inTx((tx) => createProposal(tx, { studioId, input: form(job.id, { expiresOn: "2027-02-28" }), now: NOW })),
    ).rejects.toMatchObject({
      fieldErrors: { expiresOn: ["Choose today or a later date."] },
    });
    expect(await db().proposal.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("treats another studio's job as missing and saves nothing", async () => {
    const { otherStudioId, job } = await setup();
    await expect(
      inTx((tx) => createProposal(tx, { studioId: otherStudioId, input: form(job.id), now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().proposal.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("explains each bad cell of the line items, a deposit above the total, and every other field at once", () => {
    const errors = fieldErrors(
      createProposalSchema.safeParse({
        jobId: "j",
        title: "",
        description: ["", "Album", "Prints"],
        quantity: ["1", "0", "2.5"],
        unitPrice: ["100", "lots", "1,0000"],
        deposit: "abc",
        expiresOn: "2027/03/15",
        ...USD,
      }),
    );
    expect(errors).toEqual({
      title: ["Enter a title, such as Wedding Collection."],
      expiresOn: ["Enter a real date as YYYY-MM-DD."],
      "items.0.description": ["Describe this item."],
      "items.1.quantity": ["Enter a whole number from 1 to 999."],
      "items.1.unitPrice": ["Enter a price such as 1,500.00."],
      "items.2.quantity": ["Enter a whole number from 1 to 999."],
      "items.2.unitPrice": ["Enter a price such as 1,500.00."],
      deposit: ["Enter an amount such as 1,500.00."],
    });
    expect(
      fieldErrors(createProposalSchema.safeParse({ jobId: "j", title: "T", expiresOn: "2027-03-15", ...USD })).items,
    ).toEqual(["Add at least one line item."]);
    expect(
      fieldErrors(
        createProposalSchema.safeParse({
          jobId: "j",
          title: "T",
          description: ["A"],
          unitPrice: ["100"],
          deposit: "150",
          expiresOn: "2027-03-15",
          ...USD,
        }),
      ).deposit,
    ).toEqual(["The deposit cannot be more than the total ($100.00)."]);
  });

  it("reads amounts in the studio's locale and refuses a form filled in with another currency", async () => {
    const euro = { currency: "EUR", locale: "de-DE" };
    const parsed = createProposalSchema.parse({
      jobId: "j",
      title: "T",
      description: ["Album"],
      unitPrice: ["1.250,50"],
      deposit: "500",
      expiresOn: "2027-03-15",
      ...euro,
    });
    expect(parsed.items[0].unitPriceMinor).toBe(125_050);
    expect(
      fieldErrors(
        createProposalSchema.safeParse({
          jobId: "j",
          title: "T",
          description: ["Album"],
          unitPrice: ["1250.50"],
          expiresOn: "2027-03-15",
          ...euro,
        }),
      )["items.0.unitPrice"],
    ).toEqual(["Enter a price such as 1.500,00."]);
    const { studioId, job } = await setup();
    await expect(
      inTx((tx) => createProposal(tx, { studioId, input: { ...parsed, jobId: job.id }, now: NOW })),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("currency settings changed") });
  });
});

describe("updateProposal", () => {
  const edit = (proposalId: string) =>
    updateProposalSchema.parse({
      proposalId,
      title: "Half-Day Collection",
      description: ["Four hours of coverage"],
      quantity: ["1"],
      unitPrice: ["2,400"],
      deposit: "500",
      expiresOn: "2027-03-20",
      ...USD,
    });

  it("rewrites a draft's title, items, deposit and expiry", async () => {
    const s = await setup();
    const { id } = await inTx((tx) => createProposal(tx, { studioId: s.studioId, input: form(s.job.id), now: NOW }));
    await inTx((tx) => updateProposal(tx, { studioId: s.studioId, input: edit(id), now: NOW }));
    const proposal = await db().proposal.findUniqueOrThrow({
      where: { id },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(proposal).toMatchObject({ title: "Half-Day Collection", depositCents: 50_000, status: "DRAFT" });
    expect(proposal.items.map((i) => [i.description, i.quantity, i.unitPriceCents])).toEqual([
      ["Four hours of coverage", 1, 240_000],
    ]);
    expect(proposal.expiresAt.toISOString()).toBe("2027-03-21T04:00:00.000Z");
  });

  it("leaves a sent proposal as the client saw it, and another studio's untouched", async () => {
    const { studioId, otherStudioId, proposalId: id } = await sentProposal();
    await expect(inTx((tx) => updateProposal(tx, { studioId, input: edit(id), now: NOW }))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      inTx((tx) => updateProposal(tx, { studioId: otherStudioId, input: edit(id), now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const proposal = await db().proposal.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(proposal.title).toBe("Full-Day Collection");
    expect(proposal.items).toHaveLength(2);
  });

  it("refuses amounts typed in a money format the studio no longer uses", async () => {
    const s = await setup();
    const { id } = await inTx((tx) => createProposal(tx, { studioId: s.studioId, input: form(s.job.id), now: NOW }));
    const input = { ...edit(id), money: { currency: "EUR", locale: "de-DE" } };
    await expect(inTx((tx) => updateProposal(tx, { studioId: s.studioId, input, now: NOW }))).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("currency settings changed"),
    });
    expect(await db().proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Full-Day Collection" });
  });
});

describe("sendProposal", () => {
  it("issues a fresh 32-byte client link, emails it through the outbox and moves the lead and job along", async () => {
    const { studioId, studioName, proposalId, token, job, lead } = await sentProposal();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash of the link's token is stored.
    expect(await db().proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      status: "SENT",
      tokenHash: hashToken(token),
      sentAt: NOW,
    });
    const emails = await db().emailMessage.findMany({ where: { studioId } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      kind: "proposal.sent",
      to: "isabella@example.com",
      subject: `Your proposal from ${studioName}: Full-Day Collection`,
      status: "QUEUED",
    });
    // The outbox holds the proposal's id, never its link; the link is rendered when sending.
    expect(emails[0].params).toEqual({ proposalId });
    const sent = await renderQueuedEmail(db(), { id: emails[0].id });
    expect(sent.text).toContain(`/p/${token}`);
    expect(sent.text).toContain("Total $5,801.00, deposit $1,000.00.");
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("PROPOSAL_SENT");
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("PROPOSED");
  });

  it("refuses to send twice or to a client without an email, and queues nothing more", async () => {
    const { studioId, proposalId } = await sentProposal();
    await expect(inTx((tx) => sendProposal(tx, { studioId, proposalId, now: NOW }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This proposal was already sent.",
    });
    expect(await db().emailMessage.count({ where: { studioId } })).toBe(1);

    const contact = await createContact(db(), { studioId, name: "No Email", email: null });
    const job = await createJob(db(), { studioId, contactId: contact.id });
    const { id } = await inTx((tx) => createProposal(tx, { studioId, input: form(job.id), now: NOW }));
    await expect(inTx((tx) => sendProposal(tx, { studioId, proposalId: id, now: NOW }))).rejects.toMatchObject({
      message: "No Email has no email address to send the proposal to.",
    });
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("treats another studio's proposal as missing and leaves it a draft", async () => {
    const { studioId, otherStudioId, job } = await setup();
    const { id } = await inTx((tx) => createProposal(tx, { studioId, input: form(job.id), now: NOW }));
    await expect(
      inTx((tx) => sendProposal(tx, { studioId: otherStudioId, proposalId: id, now: NOW })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    expect(await db().emailMessage.count({ where: { studioId: { in: [studioId, otherStudioId] } } })).toBe(0);
  });
});

describe("respondToProposal", () => {
  const later = new Date(NOW.getTime() + 86_400_000);

  it("a client who accepts creates a booking to review, books the lead and tells the photographer", async () => {
    const { studioId, proposalId, token, job, lead } = await sentProposal();
    const result = await inTx((tx) => respondToProposal(tx, { token, decision: "accept", now: later }));
    expect(result).toEqual({ studioId, jobId: job.id, status: "ACCEPTED", invoice: null });
    expect(await db().proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({
      status: "ACCEPTED",
      respondedAt: later,
    });
    expect(await db().booking.findMany({ where: { studioId } })).toMatchObject([
      { proposalId, jobId: job.id, status: "PENDING_REVIEW" },
    ]);
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("BOOKED");
    expect(await db().notification.findMany({ where: { studioId } })).toMatchObject([
      { kind: "booking.created", message: "You have a new booking to review", link: "/bookings" },
    ]);
  });

  it("a client who declines the proposal notifies the photographer", async () => {
    const { studioId, proposalId, token, job } = await sentProposal();
    await inTx((tx) => respondToProposal(tx, { token, decision: "decline", now: later }));
    expect((await db().proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("DECLINED");
    expect(await db().booking.count({ where: { studioId } })).toBe(0);
    expect(await db().notification.findMany({ where: { studioId } })).toMatchObject([
      {
        kind: "proposal.declined",
        message: "Your most recent proposal for Rossi–Kim Wedding was declined",
        link: `/jobs/${job.id}`,
      },
    ]);
  });

  it("refuses a second answer, either way, and changes nothing", async () => {
    const { studioId, token } = await sentProposal();
    await inTx((tx) => respondToProposal(tx, { token, decision: "accept", now: later }));
    await expect(inTx((tx) => respondToProposal(tx, { token, decision: "accept", now: later }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You already accepted this proposal.",
    });
    await expect(inTx((tx) => respondToProposal(tx, { token, decision: "decline", now: later }))).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    expect(await db().booking.count({ where: { studioId } })).toBe(1);
    expect(await db().notification.count({ where: { studioId } })).toBe(1);
  });

  it("refuses an answer after the expiry date", async () => {
    const { studioId, proposalId, token } = await sentProposal();
    const afterExpiry = new Date("2027-03-16T04:00:00Z");
    await expect(
      inTx((tx) => respondToProposal(tx, { token, decision: "accept", now: afterExpiry })),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This proposal has expired and can no longer be accepted or declined. Please contact the studio.",
    });
    expect((await db().proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("SENT");
    expect(await db().booking.count({ where: { studioId } })).toBe(0);
  });

  it("does not open a draft or an unknown token", async () => {
    const { studioId, job } = await setup();
    const { id } = await inTx((tx) => createProposal(tx, { studioId, input: form(job.id), now: NOW }));
    // A draft has no link yet: even the token sending would issue opens nothing.
    const draftToken = linkToken("proposal", id);
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).tokenHash).toBeNull();
    await expect(
      inTx((tx) => respondToProposal(tx, { token: draftToken, decision: "accept", now: later })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) => respondToProposal(tx, { token: "x".repeat(43), decision: "accept", now: later })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findProposalForClient(dbForHost("primary"), { token: draftToken })).toBeNull();
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("validates the token's shape and the decision", () => {
    expect(proposalToken.safeParse("short").success).toBe(false);
    expect(proposalToken.safeParse("../../etc/passwd-aaaaaaaaaaaaaaaaaaaaaaaaaa").success).toBe(false);
    expect(
      fieldErrors(respondToProposalSchema.safeParse({ token: "a".repeat(43), decision: "maybe" })).decision,
    ).toEqual(["Choose accept or decline."]);
  });
});
