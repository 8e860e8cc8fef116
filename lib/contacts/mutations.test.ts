import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { ensureContact, mergeContacts, updateContact } from "@/lib/contacts/mutations";
import { findContactHistory, findContactPage } from "@/lib/contacts/queries";
import { updateContactSchema } from "@/lib/contacts/schemas";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { createJob } from "@/lib/jobs/mutations";
import { createJobSchema } from "@/lib/jobs/schemas";
import { convertLeadToJob, createLead } from "@/lib/leads/mutations";
import { convertLeadSchema, createLeadSchema } from "@/lib/leads/schemas";
import { createReferral, respondToReferral } from "@/lib/referrals/mutations";
import { hashToken, newToken } from "@/lib/tokens";
import {
  createContact,
  createEvent,
  createJob as createJobRow,
  createLead as createLeadRow,
  createStudio,
} from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 15_000 });
const db = () => primaryDb();
const read = () => dbForHost("primary");
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

async function twoStudios() {
  const mine = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
  const theirs = await createStudio(db());
  return { mine, theirs, studioId: mine.studio.id };
}

const contactsOf = (studioId: string) => db().contact.findMany({ where: { studioId }, orderBy: { createdAt: "asc" } });

describe("one client per email", () => {
  it("an inquiry, a hand-entered lead, its conversion, a new job and an accepted referral for the same person make one client", async () => {
    const { mine, studioId } = await twoStudios();
    const inquiry = submitInquirySchema.parse({
      name: "Grace Nguyen",
      email: "Grace.Nguyen@Example.com",
      eventType: "wedding",
      eventDate: "2027-09-18",
    });
    const submitted = await inTx((tx) =>
      submitInquiry(tx, { slug: mine.studio.slug, clientAddress: `test-${Math.random()}`, input: inquiry }),
    );
    expect(submitted.kind).toBe("created");
    const [client] = await contactsOf(studioId);
    expect(client).toMatchObject({
      name: "Grace Nguyen",
      email: "grace.nguyen@example.com",
      emailNormalized: "grace.nguyen@example.com",
    });

    // The same person again, typed with spaces and capitals, and with a phone this time.
    const lead = await inTx((tx) =>
      createLead(tx, {
        studioId,
        input: createLeadSchema.parse({
          name: "Grace N.",
          email: "  GRACE.NGUYEN@example.com ",
          phone: "555 0100",
          eventType: "portrait",
        }),
      }),
    );
    const { contactId } = await inTx((tx) =>
      convertLeadToJob(tx, {
        studioId,
        input: convertLeadSchema.parse({
          leadId: lead.id,
          title: "Nguyen Portraits",
          type: "portrait",
          brandId: mine.brands[0].id,
        }),
      }),
    );
    expect(contactId).toBe(client.id);
    const job = await inTx((tx) =>
      createJob(tx, {
        studioId,
        input: createJobSchema.parse({
          title: "Nguyen Anniversary",
          type: "portrait",
          brandId: mine.brands[1].id,
          contactName: "G Nguyen",
          contactEmail: "grace.nguyen@example.com",
        }),
      }),
    );
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).contactId).toBe(client.id);

    const sender = await createStudio(db());
    const jobToRefer = await createJobRow(db(), {
      studioId: sender.studio.id,
      contact: { name: "Grace Nguyen", email: "grace.nguyen@example.com" },
    });
    const referral = await inTx((tx) =>
      createReferral(tx, {
        studioId: sender.studio.id,
        userId: sender.owner.id,
        jobId: jobToRefer.id,
        toEmail: mine.owner.email,
        note: null,
      }),
    );
    const { leadId } = await inTx((tx) =>
      respondToReferral(tx, { studioId, userId: mine.owner.id, referralId: referral.id, decision: "accept" }),
    );

    const clients = await contactsOf(studioId);
    expect(clients).toHaveLength(1);
    // The name is the first one given; the phone the first lead lacked is filled in.
    expect(clients[0]).toMatchObject({ id: client.id, name: "Grace Nguyen", phone: "555 0100" });
    const leads = await db().lead.findMany({ where: { studioId }, select: { id: true, contactId: true } });
    expect(leads.map((l) => l.contactId)).toEqual([client.id, client.id, client.id]);
    expect(leads.map((l) => l.id)).toContain(leadId);
  });

  it("keeps the same email in two studios as two clients, and clients without an email apart", async () => {
    const { theirs, studioId } = await twoStudios();
    const a = await inTx((tx) =>
      ensureContact(tx, { studioId, name: "Theo Park", email: "theo@example.com", phone: null }),
    );
    const b = await inTx((tx) =>
      ensureContact(tx, { studioId: theirs.studio.id, name: "Theo Park", email: "theo@example.com", phone: null }),
    );
    expect(a.id).not.toBe(b.id);
    const c = await inTx((tx) => ensureContact(tx, { studioId, name: "No Email", email: null, phone: null }));
    const d = await inTx((tx) => ensureContact(tx, { studioId, name: "No Email", email: null, phone: null }));
    expect(c.id).not.toBe(d.id);
  });

  it("two conversions of the same email at once make one client, not two", async () => {
    const { studioId } = await twoStudios();
    const email = `race-${Math.random().toString(36).slice(2, 8)}@example.com`;
    // The first transaction adds the client and holds it uncommitted while the second adds
    // the same address: the second must wait for it and find it, not insert a second row.
    const first = inTx(async (tx) => {
      const found = await ensureContact(tx, { studioId, name: "First", email, phone: null });
      await tx.$executeRaw`SELECT pg_sleep(0.6)`;
      return found;
    });
    const second = (async () => {
      await new Promise((r) => setTimeout(r, 200));
      return inTx((tx) =>
        ensureContact(tx, { studioId, name: "Second", email: email.toUpperCase(), phone: "555 0199" }),
      );
    })();
    const [a, b] = await Promise.all([first, second]);
    expect(b.id).toBe(a.id);
    expect([a.isNew, b.isNew]).toEqual([true, false]);
    const clients = await contactsOf(studioId);
    expect(clients).toHaveLength(1);
    expect(clients[0]).toMatchObject({ name: "First", phone: "555 0199" });
  });
});

describe("editing a client", () => {
  it("fixes a mistyped email, which then shows wherever the client does", async () => {
    const { studioId } = await twoStudios();
    const job = await createJobRow(db(), { studioId, contact: { name: "Ada Okafor", email: "ada@exmaple.com" } });
    const input = updateContactSchema.parse({
      contactId: job.contactId,
      name: "Ada Okafor",
      email: " Ada@Example.com ",
      phone: "",
      address: "12 Orchard St\nNew York",
      notes: "Prefers texts.",
    });
    await inTx((tx) => updateContact(tx, { studioId, input }));
    const contact = await db().contact.findUniqueOrThrow({ where: { id: job.contactId } });
    expect(contact).toMatchObject({
      email: "ada@example.com",
      emailNormalized: "ada@example.com",
      phone: null,
      address: "12 Orchard St\nNew York",
      notes: "Prefers texts.",
    });
  });

  it("refuses another client's email beside the field and saves nothing", async () => {
    const { studioId } = await twoStudios();
    await createContact(db(), { studioId, name: "Jane Doe", email: "jane@example.com" });
    const other = await createContact(db(), { studioId, name: "J. Doe", email: "jdoe@example.com" });
    const input = updateContactSchema.parse({ contactId: other.id, name: "Jane D", email: "JANE@example.com" });
    await expect(inTx((tx) => updateContact(tx, { studioId, input }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: {
        email: ["Jane Doe already has this email address. If they are the same person, merge the two clients instead."],
      },
    });
    expect(await db().contact.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      name: "J. Doe",
      email: "jdoe@example.com",
    });
  });

  it("treats another studio's client as missing", async () => {
    const { theirs, studioId } = await twoStudios();
    const theirContact = await createContact(db(), { studioId: theirs.studio.id, name: "Theirs" });
    const input = updateContactSchema.parse({ contactId: theirContact.id, name: "Mine now" });
    await expect(inTx((tx) => updateContact(tx, { studioId, input }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().contact.findUniqueOrThrow({ where: { id: theirContact.id } })).name).toBe("Theirs");
  });

  it("explains every bad field at once", () => {
    expect(
      fieldErrors(
        updateContactSchema.safeParse({
          contactId: "c",
          name: " ",
          email: "nope",
          phone: "call me",
          address: "a".repeat(501),
          notes: "n".repeat(5001),
        }),
      ),
    ).toEqual({
      name: ["Enter a name."],
      email: ["Enter a valid email address."],
      phone: ["Use digits, spaces and + ( ) - only."],
      address: ["Use at most 500 characters."],
      notes: ["Use at most 5000 characters."],
    });
  });
});

describe("merging two clients", () => {
  it("moves every job and lead to the kept client, fills what it lacks, keeps the duplicate's details in the notes, and removes the duplicate", async () => {
    const { mine, studioId } = await twoStudios();
    const kept = await createContact(db(), {
      studioId,
      name: "Priya Patel",
      email: null,
      phone: null,
      notes: "Met at the expo.",
    });
    const duplicate = await createContact(db(), {
      studioId,
      name: "Priya P.",
      email: "priya@example.com",
      phone: "555 0142",
      address: "4 Elm St",
    });
    const keptJob = await createJobRow(db(), { studioId, contactId: kept.id, brandId: mine.brands[0].id });
    const movedJob = await createJobRow(db(), { studioId, contactId: duplicate.id, brandId: mine.brands[1].id });
    const movedLead = await createLeadRow(db(), { studioId, contactId: duplicate.id, email: "priya@example.com" });

    const result = await inTx((tx) =>
      mergeContacts(tx, {
        studioId,
        input: { contactId: kept.id, duplicateId: duplicate.id },
        now: new Date("2027-01-05T12:00:00Z"),
      }),
    );
    expect(result).toEqual({ id: kept.id, movedJobs: 1, movedLeads: 1 });
    expect(await db().contact.findUnique({ where: { id: duplicate.id } })).toBeNull();
    const merged = await db().contact.findUniqueOrThrow({ where: { id: kept.id } });
    expect(merged).toMatchObject({
      name: "Priya Patel",
      email: "priya@example.com",
      emailNormalized: "priya@example.com",
      phone: "555 0142",
      address: "4 Elm St",
    });
    expect(merged.notes).toBe(
      "Met at the expo.\n\nMerged Priya P. (priya@example.com, 555 0142, 4 Elm St) into this client on 2027-01-05.",
    );
    const jobs = await db().job.findMany({
      where: { id: { in: [keptJob.id, movedJob.id] } },
      select: { contactId: true },
    });
    expect(jobs.map((j) => j.contactId)).toEqual([kept.id, kept.id]);
    expect((await db().lead.findUniqueOrThrow({ where: { id: movedLead.id } })).contactId).toBe(kept.id);
  });

  it("refuses to merge a client into itself or with another studio's client, changing nothing", async () => {
    const { theirs, studioId } = await twoStudios();
    const mine = await createContact(db(), { studioId });
    const theirContact = await createContact(db(), { studioId: theirs.studio.id });
    const theirJob = await createJobRow(db(), { studioId: theirs.studio.id, contactId: theirContact.id });
    await expect(
      inTx((tx) => mergeContacts(tx, { studioId, input: { contactId: mine.id, duplicateId: mine.id } })),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      inTx((tx) => mergeContacts(tx, { studioId, input: { contactId: mine.id, duplicateId: theirContact.id } })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) => mergeContacts(tx, { studioId, input: { contactId: theirContact.id, duplicateId: mine.id } })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().contact.count({ where: { id: { in: [mine.id, theirContact.id] } } })).toBe(2);
    expect((await db().job.findUniqueOrThrow({ where: { id: theirJob.id } })).contactId).toBe(theirContact.id);
  });
});

describe("a client's page", () => {
  it("lists their leads, jobs, events, proposals, contracts, invoices, questionnaires and emails, newest first, and nothing of another studio", async () => {
    const { theirs, studioId } = await twoStudios();
    const contact = await createContact(db(), { studioId, name: "Lily Hart", email: "lily@example.com" });
    const lead = await createLeadRow(db(), {
      studioId,
      contactId: contact.id,
      createdAt: new Date("2026-01-01T10:00:00Z"),
    });
    const job = await createJobRow(db(), {
      studioId,
      contactId: contact.id,
      title: "Hart Wedding",
      createdAt: new Date("2026-01-02T10:00:00Z"),
    });
    await createEvent(db(), {
      studioId,
      jobId: job.id,
      name: "Wedding day",
      startsAt: new Date("2026-06-01T16:00:00Z"),
    });
    await db().proposal.create({
      data: {
        studioId,
        jobId: job.id,
        title: "Collection",
        expiresAt: new Date("2026-02-01T00:00:00Z"),
        createdAt: new Date("2026-01-03T10:00:00Z"),
      },
    });
    await db().contract.create({
      data: {
        studioId,
        jobId: job.id,
        title: "Wedding agreement",
        body: "<p>Terms</p>",
        createdAt: new Date("2026-01-03T11:00:00Z"),
      },
    });
    await db().invoice.create({
      data: {
        studioId,
        jobId: job.id,
        number: 1,
        title: "Retainer",
        currency: "USD",
        createdAt: new Date("2026-01-03T12:00:00Z"),
      },
    });
    await db().questionnaire.create({
      data: {
        studioId,
        jobId: job.id,
        title: "Wedding details",
        questions: [],
        tokenHash: hashToken(newToken()),
        sentAt: new Date("2026-01-04T10:00:00Z"),
      },
    });
    await db().emailMessage.create({
      data: {
        studioId,
        kind: "proposal.sent",
        to: "lily@example.com",
        subject: "Your proposal",
        createdAt: new Date("2026-01-05T10:00:00Z"),
      },
    });
    // Someone else's email to the same address, in another studio.
    await db().emailMessage.create({
      data: { studioId: theirs.studio.id, kind: "x", to: "lily@example.com", subject: "Not yours" },
    });

    const history = await findContactHistory(read(), { studioId, contactId: contact.id });
    expect(history.map((h) => [h.kind, h.title])).toEqual([
      ["event", "Wedding day"],
      ["email", "Your proposal"],
      ["questionnaire", "Wedding details"],
      ["invoice", "Invoice 1: Retainer"],
      ["contract", "Wedding agreement"],
      ["proposal", "Collection"],
      ["job", "Hart Wedding"],
      ["lead", `Inquiry: ${lead.eventType}`],
    ]);
    expect(await findContactHistory(read(), { studioId: theirs.studio.id, contactId: contact.id })).toEqual([]);
  });

  it("lists clients newest first, under a brand when one of their jobs or leads is, and by search", async () => {
    const { mine, studioId } = await twoStudios();
    const [weddings, portraits] = mine.brands;
    const byJob = await createContact(db(), {
      studioId,
      name: "Job Person",
      createdAt: new Date("2026-01-01T00:00:00Z"),
    });
    await createJobRow(db(), { studioId, contactId: byJob.id, brandId: weddings.id });
    const byLead = await createContact(db(), {
      studioId,
      name: "Lead Person",
      createdAt: new Date("2026-01-02T00:00:00Z"),
    });
    await createLeadRow(db(), { studioId, contactId: byLead.id, brandId: weddings.id });
    const elsewhere = await createContact(db(), {
      studioId,
      name: "Portrait Person",
      createdAt: new Date("2026-01-03T00:00:00Z"),
    });
    await createLeadRow(db(), { studioId, contactId: elsewhere.id, brandId: portraits.id });

    expect((await findContactPage(read(), { studioId })).rows.map((r) => r.name)).toEqual([
      "Portrait Person",
      "Lead Person",
      "Job Person",
    ]);
    expect((await findContactPage(read(), { studioId, brandId: weddings.id })).rows.map((r) => r.name)).toEqual([
      "Lead Person",
      "Job Person",
    ]);
    expect((await findContactPage(read(), { studioId, q: "lead pers" })).rows.map((r) => r.name)).toEqual([
      "Lead Person",
    ]);
  });
});
