import { describe, expect, it } from "vitest";
import { sendComposedEmail } from "@/lib/composed-emails/mutations";
import { sendComposedEmailSchema } from "@/lib/composed-emails/schemas";
import { primaryDb, type Tx } from "@/lib/db";
import { renderOutboxEmail } from "@/lib/email/render";
import { AppError } from "@/lib/errors";
import { mergeContacts } from "@/lib/contacts/mutations";
import { mergeContactsSchema } from "@/lib/contacts/schemas";
import { createContact, createJob, createLead, createStudio, randomSuffix } from "@/prisma/factories";

const db = () => primaryDb();
// The app's write transactions may take 15 s (lib/write-core.ts).
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });

const send = (studioId: string, userId: string, fields: Record<string, string>) =>
  inTx((tx) => sendComposedEmail(tx, { studioId, userId, input: sendComposedEmailSchema.parse(fields) }));

const errorOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => null,
    (e: unknown) => e as AppError,
  );

async function rendered(emailId: string) {
  const row = await db().emailMessage.findUniqueOrThrow({ where: { id: emailId } });
  const result = await inTx((tx) => renderOutboxEmail(tx, row, { origin: "https://app.shootq.test" }));
  return { row, result };
}

async function weddingJob() {
  const { studio, owner, brands } = await createStudio(db(), { brands: ["Lumen & Lace", "Northlight"] });
  const email = `grace-${randomSuffix()}@example.com`;
  const job = await createJob(db(), {
    studioId: studio.id,
    brandId: brands[1].id,
    title: "Nguyen–Walsh Wedding",
    date: new Date("2027-06-12T00:00:00Z"),
    contact: { name: "Grace Nguyen", email },
  });
  return { studio, owner, job, email };
}

describe("an email written on a job's or a lead's page", () => {
  it("goes to the job's client in the brand's name, its smart fields filled in, and is kept as written", async () => {
    const { studio, owner, job, email } = await weddingJob();
    const sent = await send(studio.id, owner.id, {
      jobId: job.id,
      subject: "Your {{job.title}}: what to wear",
      body: "Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best.\n\n{{brand.name}}",
    });
    expect(sent).toEqual({ to: email, clientName: "Grace Nguyen", contactId: job.contactId });
    const outbox = await db().emailMessage.findFirstOrThrow({ where: { studioId: studio.id, to: email } });
    expect(outbox).toMatchObject({ kind: "client.message", subject: "Your Nguyen–Walsh Wedding: what to wear" });
    const { result } = await rendered(outbox.id);
    if (!result.ok) throw new Error(result.reason);
    expect(result.sender).toBe("Northlight");
    expect(result.text).toBe("Hi Grace,\n\nFor Saturday, June 12, 2027, soft colours photograph best.\n\nNorthlight");
    expect(result.html).toContain("<p>Hi Grace,</p>");
    const kept = await db().composedEmail.findFirstOrThrow({ where: { studioId: studio.id, jobId: job.id } });
    expect(kept).toMatchObject({ sentById: owner.id, subject: "Your {{job.title}}: what to wear" });
  });

  it("from a lead with no brand, goes in the studio's name; a lead deleted before it went is not sent", async () => {
    const { studio, owner } = await createStudio(db());
    const lead = await createLead(db(), {
      studioId: studio.id,
      brandId: null,
      name: "Ana Lima",
      eventType: "portrait",
    });
    await send(studio.id, owner.id, {
      leadId: lead.id,
      subject: "Hello {{client.first_name}}",
      body: "About your {{lead.event_type}}.",
    });
    const outbox = await db().emailMessage.findFirstOrThrow({ where: { studioId: studio.id, to: lead.email } });
    const { result } = await rendered(outbox.id);
    expect(result.ok && [result.subject, result.text, result.sender]).toEqual([
      "Hello Ana",
      "About your portrait.",
      studio.name,
    ]);
    await db().lead.delete({ where: { id: lead.id } });
    expect((await rendered(outbox.id)).result.ok).toBe(false);
  });

  it("refuses unknown, custom and empty fields beside the field they are in, saving nothing", async () => {
    const { studio, owner, job, email } = await weddingJob();
    const unknown = await errorOf(
      send(studio.id, owner.id, { jobId: job.id, subject: "Hi {{client.nickname}}", body: "{{custom.parking}}" }),
    );
    expect(unknown?.code).toBe("VALIDATION");
    expect(unknown?.fieldErrors.subject?.[0]).toMatch(/Unknown field \{\{client\.nickname\}\}/);
    expect(unknown?.fieldErrors.body).toContain("Custom fields cannot be used in an email.");
    // No proposal yet: {{proposal.total}} has nothing to say, and is not sent as a gap.
    const empty = await errorOf(
      send(studio.id, owner.id, { jobId: job.id, subject: "Quote", body: "Total: {{proposal.total}}" }),
    );
    expect(empty?.fieldErrors.body?.[0]).toBe("Nothing to fill in yet for Proposal total: remove it or write it out.");
    expect(await db().composedEmail.count({ where: { studioId: studio.id } })).toBe(0);
    expect(await db().emailMessage.count({ where: { to: email } })).toBe(0);
  });

  it("is not found for another studio's job, and refused while the owner has not confirmed their address", async () => {
    const { job, email } = await weddingJob();
    const other = await createStudio(db());
    const foreign = await errorOf(
      send(other.studio.id, other.owner.id, { jobId: job.id, subject: "Hi", body: "Hello" }),
    );
    expect(foreign?.code).toBe("NOT_FOUND");

    const mine = await weddingJob();
    await db().user.update({ where: { id: mine.owner.id }, data: { emailVerifiedAt: null } });
    const refused = await errorOf(
      send(mine.studio.id, mine.owner.id, { jobId: mine.job.id, subject: "Hi", body: "Hello" }),
    );
    expect(refused?.message).toMatch(/once its owner has confirmed their email address/);
    expect(await db().composedEmail.count({ where: { studioId: mine.studio.id } })).toBe(0);
    expect(await db().emailMessage.count({ where: { to: { in: [email, mine.email] } } })).toBe(0);
  });
});

describe("an email written on a client's own page", () => {
  it("goes in the name of the brand they last worked with, with the client's fields only, and moves with a merge", async () => {
    const { studio, owner, job, email } = await weddingJob();
    const refused = await errorOf(
      send(studio.id, owner.id, { contactId: job.contactId, subject: "Hi", body: "About {{job.title}}" }),
    );
    expect(refused?.fieldErrors?.body?.join(" ")).toMatch(/Unknown field \{\{job\.title\}\}/);

    const sent = await send(studio.id, owner.id, {
      contactId: job.contactId,
      subject: "Happy new year, {{client.first_name}}",
      body: "Hi {{client.first_name}},\n\nThank you for a wonderful year.\n\n{{brand.name}}",
    });
    expect(sent).toEqual({ to: email, clientName: "Grace Nguyen", contactId: job.contactId });
    const outbox = await db().emailMessage.findFirstOrThrow({ where: { studioId: studio.id, to: email } });
    expect(outbox.subject).toBe("Happy new year, Grace");

    // Merged into another client before it went: it still goes, to the kept client.
    const kept = await createContact(db(), { studioId: studio.id, name: "Grace N. Walsh", email: null });
    await inTx((tx) =>
      mergeContacts(tx, {
        studioId: studio.id,
        input: mergeContactsSchema.parse({ contactId: kept.id, duplicateId: job.contactId }),
      }),
    );
    expect(await db().composedEmail.findFirstOrThrow({ where: { studioId: studio.id } })).toMatchObject({
      contactId: kept.id,
    });
    const { result } = await rendered(outbox.id);
    if (!result.ok) throw new Error(result.reason);
    // The merged client took over the address; the job (and its brand) came with them.
    expect(result.sender).toBe("Northlight");
    expect(result.text).toBe("Hi Grace,\n\nThank you for a wonderful year.\n\nNorthlight");

    const other = await createStudio(db());
    const foreign = await errorOf(
      send(other.studio.id, other.owner.id, { contactId: kept.id, subject: "Hi", body: "Hello" }),
    );
    expect(foreign?.code).toBe("NOT_FOUND");
    expect(foreign?.message).toMatch(/That client/);
  });
});
