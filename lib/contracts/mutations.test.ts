import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sha256, verifyContractRecords } from "@/lib/contracts/audit";
import {
  countersignContract,
  createContract,
  recordContractView,
  resendContract,
  sendContract,
  signContract,
  updateContractDraft,
  updateContractSettings,
  updateContractTemplate,
  voidContract,
} from "@/lib/contracts/mutations";
import { renderContractPdf } from "@/lib/contracts/pdf";
import { findContractDocument, findContractForClient, verifyContractDocument } from "@/lib/contracts/queries";
import { findUnsignedContracts } from "@/lib/dashboard/queries";
import { createContractTemplateSchema, signContractSchema, updateContractSchema } from "@/lib/contracts/schemas";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { renderOutboxEmail } from "@/lib/email/render";
import { respondToProposal, sendProposal } from "@/lib/proposals/mutations";
import { buildJobTemplateValues } from "@/lib/templates/job-values";
import { renderQueuedEmail } from "@/scripts/testing/outbox";
import {
  CONTRACT_TEMPLATE_BODY,
  createContractTemplate,
  createEvent,
  createJob,
  createStudio,
} from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const read = () => dbForHost("primary");

const NOW = new Date("2027-03-01T15:00:00Z");
const LATER = new Date("2027-03-02T18:30:00Z");
const ORIGIN = "https://app.example";
const CLIENT = { ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)" };
const STUDIO_DEVICE = { ipAddress: "198.51.100.4", userAgent: "Mozilla/5.0 (Macintosh)" };
// A 1×1 transparent PNG: what a drawn signature arrives as.
const DRAWN =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

async function setup({ timeZone = "America/New_York" }: { timeZone?: string } = {}) {
  const { studio, owner, brands } = await createStudio(db(), {
    timeZone,
    name: `Lumen ${Math.random().toString(36).slice(2, 8)}`,
    brands: ["Lumen Weddings"],
  });
  const job = await createJob(db(), {
    studioId: studio.id,
    title: "Nguyen–Walsh Wedding",
    date: new Date("2027-06-12T00:00:00Z"),
    contact: { name: "Grace Nguyen", email: "grace@example.com" },
  });
  await createEvent(db(), {
    studioId: studio.id,
    jobId: job.id,
    name: "Wedding day",
    startsAt: new Date("2027-06-12T18:00:00Z"),
    location: "Wave Hill, Bronx",
    isShoot: true,
  });
  const proposal = await db().proposal.create({
    data: {
      studioId: studio.id,
      jobId: job.id,
      title: "Full-Day Collection",
      depositCents: 100_000,
      expiresAt: new Date("2027-04-01T04:00:00Z"),
      items: {
        create: [
          { position: 0, description: "Coverage", quantity: 1, unitPriceCents: 450_000 },
          { position: 1, description: "Album", quantity: 2, unitPriceCents: 65_000 },
        ],
      },
    },
  });
  const template = await createContractTemplate(db(), { studioId: studio.id, authorId: owner.id });
  const other = await createStudio(db());
  return {
    studio,
    owner,
    brand: brands[0],
    job,
    proposal,
    template,
    otherStudioId: other.studio.id,
    actor: { id: owner.id, name: owner.name },
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function draft(s: Setup, customValues: Record<string, string> = { "custom.coverage_hours": "eight" }) {
  const contract = await inTx((tx) =>
    createContract(tx, {
      studioId: s.studio.id,
      actor: s.actor,
      input: { jobId: s.job.id, templateId: s.template.id },
      now: NOW,
    }),
  );
  const input = updateContractSchema.parse({
    contractId: contract.id,
    title: "Wedding Photography Agreement",
    body: CONTRACT_TEMPLATE_BODY,
    customKey: Object.keys(customValues),
    customValue: Object.values(customValues),
  });
  await inTx((tx) => updateContractDraft(tx, { studioId: s.studio.id, input }));
  return contract.id;
}

async function sent(s: Setup) {
  const contractId = await draft(s);
  const { token } = await inTx((tx) =>
    sendContract(tx, { studioId: s.studio.id, contractId, actor: s.actor, now: NOW }),
  );
  const contract = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
  return { contractId, token, contract };
}

function sign(
  token: string,
  documentHash: string,
  { now = LATER, ...extra }: Record<string, unknown> & { now?: Date } = {},
) {
  const input = signContractSchema.parse({
    token,
    documentHash,
    name: "Grace Nguyen",
    consent: "on",
    signature: DRAWN,
    ...extra,
  });
  return inTx((tx) => signContract(tx, { token, input, origin: CLIENT, now }));
}

async function snapshot(contractId: string) {
  const [contract, signatures, entries, notifications] = await Promise.all([
    db().contract.findUniqueOrThrow({ where: { id: contractId } }),
    db().contractSignature.count({ where: { contractId } }),
    db().contractAuditEntry.count({ where: { contractId } }),
    db().notification.count({
      where: { studioId: (await db().contract.findUniqueOrThrow({ where: { id: contractId } })).studioId },
    }),
  ]);
  return {
    status: contract.status,
    html: contract.html,
    signedAt: contract.signedAt,
    signatures,
    entries,
    notifications,
  };
}

describe("the job context", () => {
  it("fills every smart field from the job, its shoot, its proposal, the brand and the studio, with today in the studio's time zone", async () => {
    const s = await setup({ timeZone: "Pacific/Auckland" });
    const values = await buildJobTemplateValues(read(), { studioId: s.studio.id, jobId: s.job.id, now: NOW });
    expect(values).toEqual({
      "client.name": "Grace Nguyen",
      "client.first_name": "Grace",
      "job.title": "Nguyen–Walsh Wedding",
      "job.date": "Saturday, June 12, 2027",
      "event.location": "Wave Hill, Bronx",
      "proposal.total": "$5,800.00",
      "proposal.deposit": "$1,000.00",
      "brand.name": "Lumen Weddings",
      "studio.name": s.studio.name,
      // 15:00 UTC on March 1 is already March 2 in Auckland.
      today: "Tuesday, March 2, 2027",
    });
    await expect(buildJobTemplateValues(read(), { studioId: s.otherStudioId, jobId: s.job.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("templates", () => {
  it("refuse an unknown field beside the editor, naming it and where it is", () => {
    const result = createContractTemplateSchema.safeParse({
      name: "Agreement",
      body: "<p>Dear {{client.name}},</p><p>Your package: {{package.name}}</p>",
    });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      body: [
        "Unknown field {{package.name}} at line 2, column 15. Pick a field from the list, or write {{custom.package_name}} for one you fill in yourself.",
      ],
    });
  });

  it("keep their old versions: a sent contract keeps its text when the template changes, and new contracts use the new version", async () => {
    const s = await setup();
    const first = await sent(s);
    const edited = createContractTemplateSchema.parse({
      name: "Wedding Agreement 2027",
      body: CONTRACT_TEMPLATE_BODY.replace("non-refundable", "refundable until 90 days before the wedding"),
    });
    const saved = await inTx((tx) =>
      updateContractTemplate(tx, {
        studioId: s.studio.id,
        authorId: s.owner.id,
        input: { ...edited, templateId: s.template.id },
      }),
    );
    expect(saved).toEqual({ id: s.template.id, version: 2, isNewVersion: true });
    const unchanged = await inTx((tx) =>
      updateContractTemplate(tx, {
        studioId: s.studio.id,
        authorId: s.owner.id,
        input: { ...edited, templateId: s.template.id },
      }),
    );
    expect(unchanged.isNewVersion).toBe(false);
    expect(await db().contractTemplateVersion.count({ where: { templateId: s.template.id } })).toBe(2);

    expect(await db().contract.findUniqueOrThrow({ where: { id: first.contractId } })).toMatchObject({
      html: first.contract.html,
      documentHash: sha256(first.contract.html!),
    });
    expect(first.contract.html).toContain("non-refundable");
    const second = await inTx((tx) =>
      createContract(tx, {
        studioId: s.studio.id,
        actor: s.actor,
        input: { jobId: s.job.id, templateId: s.template.id },
        now: NOW,
      }),
    );
    const copy = await db().contract.findUniqueOrThrow({
      where: { id: second.id },
      include: { templateVersion: true },
    });
    expect(copy).toMatchObject({ title: "Wedding Agreement 2027", templateVersion: { number: 2 } });
    expect(copy.body).toContain("refundable until 90 days");
  });

  it("belong to their studio: another studio cannot edit one or make a contract from it", async () => {
    const s = await setup();
    const input = {
      ...createContractTemplateSchema.parse({ name: "Mine now", body: "<p>x</p>" }),
      templateId: s.template.id,
    };
    await expect(
      inTx((tx) => updateContractTemplate(tx, { studioId: s.otherStudioId, authorId: s.owner.id, input })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherJob = await createJob(db(), { studioId: s.otherStudioId });
    await expect(
      inTx((tx) =>
        createContract(tx, {
          studioId: s.otherStudioId,
          actor: s.actor,
          input: { jobId: otherJob.id, templateId: s.template.id },
        }),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { templateId: ["Choose a template from the list."] },
    });
    expect(await db().contractTemplate.findUniqueOrThrow({ where: { id: s.template.id } })).toMatchObject({
      name: "Wedding Photography Agreement",
    });
  });
});

describe("sending a contract", () => {
  it("requires the photographer's own fields to be filled, and saves nothing until they are", async () => {
    const s = await setup();
    const contractId = await draft(s, {});
    await expect(
      inTx((tx) => sendContract(tx, { studioId: s.studio.id, contractId, actor: s.actor, now: NOW })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "Before sending, fill in Coverage hours.",
    });
    expect(await snapshot(contractId)).toMatchObject({ status: "DRAFT", html: null, entries: 1 });
    expect(await db().emailMessage.count({ where: { studioId: s.studio.id } })).toBe(0);
  });

  it("refuses while the job has no value for a field the text uses", async () => {
    const s = await setup();
    await db().proposal.deleteMany({ where: { jobId: s.job.id } });
    const contractId = await draft(s);
    await expect(
      inTx((tx) => sendContract(tx, { studioId: s.studio.id, contractId, actor: s.actor, now: NOW })),
    ).rejects.toMatchObject({
      message:
        "Before sending, give the job a value for Proposal total, Proposal deposit (or remove those fields from the text).",
    });
  });

  it("freezes the HTML with its SHA-256, stores only the link's hash and emails the link", async () => {
    const s = await setup();
    const { contract, token } = await sent(s);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(contract).toMatchObject({ status: "SENT", sentAt: NOW, documentHash: sha256(contract.html!) });
    expect(contract.tokenHash).toBe(sha256(token));
    expect(contract.tokenHash).not.toContain(token);
    expect(contract.html).toContain(
      `<strong>Grace Nguyen</strong> for Nguyen–Walsh Wedding on Saturday, June 12, 2027 at Wave Hill, Bronx.`,
    );
    expect(contract.html).toContain("<li>Total fee: $5,800.00</li>");
    expect(contract.html).toContain("Coverage includes eight hours. Grace, please read");
    // The link expires at the end of the 30th day after sending, studio time.
    expect(contract.linkExpiresAt!.toISOString()).toBe("2027-04-01T04:00:00.000Z");
    const emails = await db().emailMessage.findMany({ where: { studioId: s.studio.id } });
    expect(emails).toMatchObject([
      {
        kind: "contract.sent",
        to: "grace@example.com",
        subject: `Please sign your contract from ${s.studio.name}: Wedding Photography Agreement`,
      },
    ]);
    expect((await renderQueuedEmail(db(), { id: emails[0].id })).text).toContain(`/c/${token}\n`);
    const entries = await db().contractAuditEntry.findMany({
      where: { contractId: contract.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, "created", `${s.owner.name} (studio)`],
      [2, "sent", `${s.owner.name} (studio)`],
    ]);
    await expect(
      inTx((tx) => sendContract(tx, { studioId: s.studio.id, contractId: contract.id, actor: s.actor, now: NOW })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      inTx((tx) =>
        updateContractDraft(tx, {
          studioId: s.studio.id,
          input: updateContractSchema.parse({ contractId: contract.id, title: "Changed", body: "<p>Changed</p>" }),
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().contract.findUniqueOrThrow({ where: { id: contract.id } })).html).toBe(contract.html);
  });

  it("re-sending issues a fresh link: the old one stops working", async () => {
    const s = await setup();
    const { contractId, token } = await sent(s);
    await inTx((tx) => resendContract(tx, { studioId: s.studio.id, contractId, actor: s.actor, now: LATER }));
    expect(await findContractForClient(read(), { token })).toBeNull();
    const emails = await db().emailMessage.findMany({
      where: { studioId: s.studio.id },
      orderBy: { createdAt: "asc" },
    });
    expect(emails.map((e) => [e.kind, e.subject])).toEqual([
      ["contract.sent", `Please sign your contract from ${s.studio.name}: Wedding Photography Agreement`],
      ["contract.sent", `Reminder: please sign your contract from ${s.studio.name}: Wedding Photography Agreement`],
    ]);
    // Both emails, sent now, carry the fresh link: the first one's link no longer works.
    const links = await Promise.all(
      emails.map(async (e) => (await renderQueuedEmail(db(), { id: e.id })).text.match(/\/c\/([A-Za-z0-9_-]{43})/)![1]),
    );
    expect(links[0]).toBe(links[1]);
    const fresh = links[1];
    expect(fresh).not.toBe(token);
    expect((await findContractForClient(read(), { token: fresh }))?.id).toBe(contractId);
    expect((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).sentAt).toEqual(LATER);
  });
});

describe("signing", () => {
  it("the client's signature stores name, time, address, device and drawing, and tells the photographer", async () => {
    const s = await setup();
    const { contractId, token, contract } = await sent(s);
    await inTx((tx) => recordContractView(tx, { token, origin: CLIENT, now: LATER }));
    await inTx((tx) => recordContractView(tx, { token, origin: CLIENT, now: LATER }));
    expect((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe("VIEWED");
    const result = await sign(token, contract.documentHash!);
    expect(result).toMatchObject({ studioId: s.studio.id, jobId: s.job.id, isFullySigned: false });
    const stored = await db().contractSignature.findFirstOrThrow({ where: { contractId } });
    expect(stored).toMatchObject({
      role: "CLIENT",
      name: "Grace Nguyen",
      signedAt: LATER,
      ...CLIENT,
      documentHash: contract.documentHash,
    });
    expect(Buffer.from(stored.image!).subarray(1, 4).toString()).toBe("PNG");
    expect(await db().contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({
      status: "SIGNED",
      signedAt: LATER,
    });
    expect(await db().notification.findMany({ where: { studioId: s.studio.id } })).toMatchObject([
      {
        kind: "contract.signed",
        message: "Grace Nguyen signed the contract for Nguyen–Walsh Wedding",
        link: `/jobs/${s.job.id}/contracts/${contractId}`,
      },
    ]);
    const actions = await db().contractAuditEntry.findMany({
      where: { contractId },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["created", "sent", "viewed", "signed"]);
  });

  it("refuses a second signature, and changes nothing", async () => {
    const s = await setup();
    const { contractId, token, contract } = await sent(s);
    await sign(token, contract.documentHash!);
    const before = await snapshot(contractId);
    await expect(sign(token, contract.documentHash!, { name: "Someone Else" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^This contract was already signed on Mar 2, 2027, 1:30\sPM\. Nothing more is needed from you\.$/,
      ),
    });
    expect(await snapshot(contractId)).toEqual(before);
  });

  it("refuses a voided contract, an expired link, an unknown link and a document that changed, and changes nothing", async () => {
    const s = await setup();

    const voided = await sent(s);
    await inTx((tx) =>
      voidContract(tx, { studioId: s.studio.id, contractId: voided.contractId, actor: "Maya (studio)", now: NOW }),
    );
    const voidedBefore = await snapshot(voided.contractId);
    await expect(sign(voided.token, voided.contract.documentHash!)).rejects.toMatchObject({
      message: `This contract was voided by ${s.studio.name} and can no longer be signed.`,
    });
    expect(await snapshot(voided.contractId)).toEqual(voidedBefore);

    const expiring = await sent(s);
    await expect(
      sign(expiring.token, expiring.contract.documentHash!, { now: new Date("2027-04-01T04:00:00Z") }),
    ).rejects.toMatchObject({
      message: `This link has expired. Ask ${s.studio.name} to send the contract again.`,
    });

    await expect(sign("Z".repeat(43), expiring.contract.documentHash!)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The client read one version; the document now differs from what they saw.
    await expect(sign(expiring.token, sha256("something else"))).rejects.toMatchObject({
      message: /changed after you opened it/,
    });

    // Edited after sending, behind the application's back: the stored hash no longer matches.
    await db().contract.update({
      where: { id: expiring.contractId },
      data: { html: expiring.contract.html!.replace("$5,800.00", "$9,800.00") },
    });
    const tamperedBefore = await snapshot(expiring.contractId);
    await expect(sign(expiring.token, expiring.contract.documentHash!)).rejects.toMatchObject({
      message: /was changed after it was sent, so it cannot be signed/,
    });
    expect(await snapshot(expiring.contractId)).toEqual(tamperedBefore);
  });

  it("the photographer countersigns after the client, and both get the signed copy by email", async () => {
    const s = await setup();
    const { contractId, token, contract } = await sent(s);
    const owner = { ...s.actor, email: s.owner.email };
    await expect(
      inTx((tx) =>
        countersignContract(tx, {
          studioId: s.studio.id,
          contractId,
          user: owner,
          name: s.owner.name,
          origin: STUDIO_DEVICE,
          now: LATER,
        }),
      ),
    ).rejects.toMatchObject({ message: "The client has not signed this contract yet. You countersign after they do." });
    await sign(token, contract.documentHash!);
    await expect(
      inTx((tx) =>
        countersignContract(tx, {
          studioId: s.otherStudioId,
          contractId,
          user: owner,
          name: "Intruder",
          origin: STUDIO_DEVICE,
          now: LATER,
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await inTx((tx) =>
      countersignContract(tx, {
        studioId: s.studio.id,
        contractId,
        user: owner,
        name: s.owner.name,
        origin: STUDIO_DEVICE,
        now: LATER,
      }),
    );
    expect(await db().contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({
      status: "COUNTERSIGNED",
      countersignedAt: LATER,
    });
    const signed = await db().emailMessage.findMany({
      where: { studioId: s.studio.id, kind: "contract.signed" },
      orderBy: { to: "asc" },
    });
    expect(signed.map((e) => e.to).sort()).toEqual(["grace@example.com", s.owner.email].sort());
    for (const email of signed) {
      const rendered = await renderOutboxEmail(db() as unknown as Tx, email, { origin: ORIGIN });
      expect(rendered).toMatchObject({ ok: true, text: expect.stringContaining(contract.documentHash!) });
      // The signed PDF is built when the email is sent, from the frozen rows.
      const [pdf] = rendered.ok ? rendered.attachments : [];
      expect(pdf).toMatchObject({ contentType: "application/pdf", filename: "Wedding-Photography-Agreement.pdf" });
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.content as Buffer)), {
        mergePages: true,
      });
      expect(text).toContain("Grace Nguyen");
      expect(text).toContain(contract.documentHash!);
    }
    await expect(
      inTx((tx) => voidContract(tx, { studioId: s.studio.id, contractId, actor: "x", now: LATER })),
    ).rejects.toMatchObject({ message: "A fully signed contract cannot be voided." });
  });

  it("with the studio setting on, the studio countersigns as soon as the client signs", async () => {
    const s = await setup();
    await inTx((tx) =>
      updateContractSettings(tx, { studioId: s.studio.id, countersignAutomatically: true, contractReminderDays: 3 }),
    );
    const { contractId, token, contract } = await sent(s);
    expect(await sign(token, contract.documentHash!)).toMatchObject({ isFullySigned: true });
    const signatures = await db().contractSignature.findMany({ where: { contractId }, orderBy: { role: "asc" } });
    expect(signatures.map((x) => [x.role, x.name])).toEqual([
      ["CLIENT", "Grace Nguyen"],
      ["STUDIO", s.studio.name],
    ]);
    expect((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe("COUNTERSIGNED");
    expect(
      verifyContractDocument((await findContractDocument(read(), { studioId: s.studio.id, contractId }))!),
    ).toMatchObject({ isIntact: true });
  });

  it("another studio's contract is not found for any change, and stays as it was", async () => {
    const s = await setup();
    const { contractId } = await sent(s);
    const before = await snapshot(contractId);
    const other = { studioId: s.otherStudioId, contractId };
    await expect(inTx((tx) => voidContract(tx, { ...other, actor: "x" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inTx((tx) => resendContract(tx, { ...other, actor: s.actor }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(inTx((tx) => sendContract(tx, { ...other, actor: s.actor }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      inTx((tx) =>
        updateContractDraft(tx, {
          studioId: s.otherStudioId,
          input: updateContractSchema.parse({ contractId, title: "x", body: "<p>x</p>" }),
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findContractDocument(read(), other)).toBeNull();
    expect(await snapshot(contractId)).toEqual(before);
  });
});

describe("the audit trail", () => {
  async function fullySigned() {
    const s = await setup();
    const { contractId, token, contract } = await sent(s);
    await inTx((tx) => recordContractView(tx, { token, origin: CLIENT, now: LATER }));
    await sign(token, contract.documentHash!);
    await inTx((tx) =>
      countersignContract(tx, {
        studioId: s.studio.id,
        contractId,
        user: { ...s.actor, email: s.owner.email },
        name: s.owner.name,
        origin: STUDIO_DEVICE,
        now: LATER,
      }),
    );
    const verify = async () =>
      verifyContractDocument((await findContractDocument(read(), { studioId: s.studio.id, contractId }))!);
    return { s, contractId, verify };
  }

  it("is intact after a normal life: created, sent, viewed, signed, countersigned", async () => {
    const { verify } = await fullySigned();
    const result = await verify();
    expect(result).toMatchObject({ isIntact: true, problem: undefined, document: { isIntact: true } });
    expect(result.entries.map((e) => [e.seq, e.action, e.isIntact])).toEqual([
      [1, "created", true],
      [2, "sent", true],
      [3, "viewed", true],
      [4, "signed", true],
      [5, "countersigned", true],
    ]);
  });

  it("detects a modified row and says which entry", async () => {
    const { contractId, verify } = await fullySigned();
    await db()
      .$executeRaw`UPDATE "ContractAuditEntry" SET "ipAddress" = '192.0.2.1' WHERE "contractId" = ${contractId} AND seq = 4`;
    const result = await verify();
    expect(result.isIntact).toBe(false);
    expect(result.problem).toBe("Entry 4 (signed) was changed after it was recorded.");
    expect(result.entries.map((e) => e.isIntact)).toEqual([true, true, true, false, true]);
  });

  it("detects a removed entry, a changed signature and changed contract text", async () => {
    const removed = await fullySigned();
    await db().contractAuditEntry.deleteMany({ where: { contractId: removed.contractId, seq: 3 } });
    expect((await removed.verify()).problem).toBe("Entry 4 (signed) follows entry 2: an entry is missing.");

    const renamed = await fullySigned();
    await db().contractSignature.updateMany({
      where: { contractId: renamed.contractId, role: "CLIENT" },
      data: { name: "Somebody Else" },
    });
    expect((await renamed.verify()).problem).toBe(
      "The client's signature (Somebody Else) differs from what the trail recorded.",
    );

    const rewritten = await fullySigned();
    const { html } = await db().contract.findUniqueOrThrow({ where: { id: rewritten.contractId } });
    await db().contract.update({
      where: { id: rewritten.contractId },
      data: {
        html: html!.replace("non-refundable", "refundable"),
        documentHash: sha256(html!.replace("non-refundable", "refundable")),
      },
    });
    // Re-hashing the new text is not enough: the trail recorded the hash that was sent.
    expect((await rewritten.verify()).problem).toBe(
      "The document hash differs from the one the trail recorded when the contract was sent.",
    );
  });

  it("verification is a pure recomputation: an empty trail of an unsent contract is intact", () => {
    expect(verifyContractRecords({ id: "c", html: null, documentHash: null }, [], [])).toMatchObject({
      isIntact: true,
    });
  });
});

describe("the signed PDF", () => {
  it("holds the contract text, both signatures and an audit page with the document hash", async () => {
    const s = await setup();
    const { contractId, token, contract } = await sent(s);
    await sign(token, contract.documentHash!);
    await inTx((tx) =>
      countersignContract(tx, {
        studioId: s.studio.id,
        contractId,
        user: { ...s.actor, email: s.owner.email },
        name: s.owner.name,
        origin: STUDIO_DEVICE,
        now: LATER,
      }),
    );
    const pdf = await renderContractPdf((await findContractDocument(read(), { studioId: s.studio.id, contractId }))!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const flat = text.replace(/\s+/g, " ");
    for (const expected of [
      "Wedding Photography Agreement",
      "Grace Nguyen",
      "Nguyen–Walsh Wedding",
      "Total fee: $5,800.00",
      "Audit trail",
      contract.documentHash!,
      CLIENT.ipAddress,
      s.owner.name,
    ]) {
      expect(flat).toContain(expected);
    }
  });
});

describe("What's Next", () => {
  it("lists a contract still unsigned the studio's number of days after sending", async () => {
    const s = await setup();
    const { contractId } = await sent(s);
    const query = (now: Date, days = 3) =>
      findUnsignedContracts(read(), { studioId: s.studio.id, now, timeZone: s.studio.timeZone, days });
    // Sent March 1 (New York): listed from March 4, not on March 3.
    expect(await query(new Date("2027-03-04T04:30:00Z"))).toEqual([]);
    expect(await query(new Date("2027-03-04T05:30:00Z"))).toEqual([
      {
        id: contractId,
        jobId: s.job.id,
        jobTitle: "Nguyen–Walsh Wedding",
        title: "Wedding Photography Agreement",
        sentAt: NOW,
      },
    ]);
    expect(await query(new Date("2027-03-02T05:30:00Z"), 1)).toHaveLength(1);
    expect(
      await findUnsignedContracts(read(), {
        studioId: s.otherStudioId,
        now: new Date("2027-04-01T00:00:00Z"),
        timeZone: "UTC",
        days: 1,
      }),
    ).toEqual([]);
  });
});

describe("a contract sent with its proposal", () => {
  async function withProposal() {
    const s = await setup();
    const contractId = await draft(s);
    const input = updateContractSchema.parse({
      contractId,
      title: "Wedding Photography Agreement",
      body: CONTRACT_TEMPLATE_BODY,
      proposalId: s.proposal.id,
      customKey: ["custom.coverage_hours"],
      customValue: ["eight"],
    });
    await inTx((tx) => updateContractDraft(tx, { studioId: s.studio.id, input }));
    const { token } = await inTx((tx) =>
      sendProposal(tx, { studioId: s.studio.id, proposalId: s.proposal.id, actor: s.actor, now: NOW }),
    );
    const contract = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
    return { s, contractId, token, contract };
  }

  it("is frozen when the proposal is sent and reached only through the proposal's link", async () => {
    const { s, contract } = await withProposal();
    expect(contract).toMatchObject({ status: "SENT", tokenHash: null, documentHash: sha256(contract.html!) });
    const emails = await db().emailMessage.findMany({ where: { studioId: s.studio.id } });
    expect(emails.map((e) => e.kind)).toEqual(["proposal.sent"]);
    expect((await renderQueuedEmail(db(), { id: emails[0].id })).text).toContain(
      "It comes with a contract to sign, “Wedding Photography Agreement”",
    );
  });

  it("accepting requires the signature; with it, acceptance and signature are saved together", async () => {
    const { s, contractId, token, contract } = await withProposal();
    await expect(
      inTx((tx) =>
        respondToProposal(tx, {
          token,
          decision: "accept",
          signature: { documentHash: contract.documentHash },
          origin: CLIENT,
          now: LATER,
        }),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: ["Enter your full legal name."],
        consent: ["Tick the box to agree to sign electronically."],
      },
    });
    expect((await db().proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe("SENT");
    expect(await db().booking.count({ where: { studioId: s.studio.id } })).toBe(0);

    await inTx((tx) =>
      respondToProposal(tx, {
        token,
        decision: "accept",
        signature: { documentHash: contract.documentHash, name: "Grace Nguyen", consent: "on" },
        origin: CLIENT,
        now: LATER,
      }),
    );
    expect((await db().proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe("ACCEPTED");
    expect(await db().contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({
      status: "SIGNED",
      signedAt: LATER,
    });
    expect(await db().contractSignature.findFirstOrThrow({ where: { contractId } })).toMatchObject({
      name: "Grace Nguyen",
      image: null,
      ...CLIENT,
    });
  });

  it("declining the proposal voids its contract", async () => {
    const { contractId, token } = await withProposal();
    await inTx((tx) => respondToProposal(tx, { token, decision: "decline", now: LATER }));
    expect((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe("VOIDED");
  });

  it("a contract that cannot be sent keeps the proposal a draft", async () => {
    const s = await setup();
    const contractId = await draft(s, {});
    await inTx((tx) =>
      updateContractDraft(tx, {
        studioId: s.studio.id,
        input: updateContractSchema.parse({
          contractId,
          title: "T",
          body: CONTRACT_TEMPLATE_BODY,
          proposalId: s.proposal.id,
        }),
      }),
    );
    await expect(
      inTx((tx) => sendProposal(tx, { studioId: s.studio.id, proposalId: s.proposal.id, now: NOW })),
    ).rejects.toMatchObject({ message: "Before sending, fill in Coverage hours." });
    expect((await db().proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe("DRAFT");
    expect((await db().contract.findUniqueOrThrow({ where: { id: contractId } })).status).toBe("DRAFT");
  });
});
