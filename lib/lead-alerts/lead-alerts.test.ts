import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runBillingTick } from "@/lib/billing/tick";
import { primaryDb, type Tx } from "@/lib/db";
import { renderOutboxEmail } from "@/lib/email/render";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { submitInquirySchema } from "@/lib/inquiries/schemas";
import { sendLeadDigests } from "@/lib/lead-alerts/digest";
import { setLeadAlert } from "@/lib/lead-alerts/mutations";
import { createLead } from "@/lib/leads/mutations";
import { createLeadSchema } from "@/lib/leads/schemas";
import { createServiceDb, type ServiceDb } from "@/lib/service-db";
import { createStaff, createStudio, randomSuffix } from "@/prisma/factories";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const db = () => primaryDb();
// The app's write transactions may take 15 s (lib/write-core.ts); these take the same, not Prisma's 5 s.
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });
const address = () => `203.0.113.${randomBytes(1)[0] % 250}-${randomBytes(4).toString("hex")}`;

let scratch: ScratchDatabase;
let service: ServiceDb;
beforeAll(async () => {
  // The digest runs over every studio of its database at clock times months ahead: a database of
  // its own keeps the files beside this one out of it.
  scratch = await createScratchDatabase(inject("database"), { prefix: "alerts", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
  service = createServiceDb(scratch.url, "lead-alerts-test", 3);
});
afterAll(async () => {
  await service?.$disconnect();
  await primaryDb().$disconnect();
  await scratch?.drop();
});

async function inquire(slug: string, fields: Record<string, string> = {}) {
  const email = `grace-${randomSuffix()}@example.com`;
  const input = submitInquirySchema.parse({
    name: "Grace Nguyen",
    email,
    phone: "(555) 010-2030",
    eventType: "wedding",
    eventDate: "2027-06-12",
    message: "Are you free that day?",
    ...fields,
  });
  const outcome = await inTx((tx) => submitInquiry(tx, { slug, clientAddress: address(), input }));
  if (outcome.kind !== "created") throw new Error("the inquiry was not saved");
  return { email, leadId: outcome.leadId };
}

/** An inquiry as if it had arrived at `at` (the digest reads inquiries by their creation time). */
async function inquireAt(slug: string, at: string, name: string) {
  const { leadId } = await inquire(slug, { name });
  await db().lead.update({ where: { id: leadId }, data: { createdAt: new Date(at) } });
  return leadId;
}

const alertsTo = (to: string) => db().emailMessage.count({ where: { to, kind: "lead.alert" } });
const digestsTo = (to: string) =>
  db().emailMessage.findMany({ where: { to, kind: "lead.digest" }, orderBy: { createdAt: "asc" } });
const digest = (at: string) => sendLeadDigests(service, { now: new Date(at) });
const choose = (studioId: string, userId: string, leadAlert: "INSTANT" | "DAILY" | "OFF") =>
  inTx((tx) => setLeadAlert(tx, { studioId, userId, leadAlert }));

/** A lead the studio types in itself (not an inquiry from its form). */
const enterByHand = (studioId: string) =>
  inTx((tx) =>
    createLead(tx, {
      studioId,
      input: createLeadSchema.parse({
        name: "Walk In",
        email: `walk-${randomSuffix()}@example.com`,
        eventType: "portrait",
      }),
    }),
  );

describe("an email for each new inquiry", () => {
  it("goes within the inquiry's transaction to each confirmed member who asked for it, answered straight to the client", async () => {
    const { studio, owner } = await createStudio(db(), { brands: ["Lumen & Lace"] });
    const { user: instant } = await createStaff(db(), studio.id);
    const { user: daily } = await createStaff(db(), studio.id);
    const { user: off } = await createStaff(db(), studio.id);
    const { user: unconfirmed } = await createStaff(db(), studio.id);
    const { user: removed } = await createStaff(db(), studio.id);
    await choose(studio.id, daily.id, "DAILY");
    await choose(studio.id, off.id, "OFF");
    await db().user.update({ where: { id: unconfirmed.id }, data: { emailVerifiedAt: null } });
    await db().user.update({ where: { id: removed.id }, data: { removedAt: new Date() } });

    const { email, leadId } = await inquire(studio.slug);
    expect(await alertsTo(owner.email)).toBe(1);
    expect(await alertsTo(instant.email)).toBe(1);
    for (const member of [daily, off, unconfirmed, removed]) expect(await alertsTo(member.email)).toBe(0);

    const alert = await renderQueuedEmail(db(), { to: owner.email, kind: "lead.alert" });
    expect(alert.subject).toBe("New inquiry: Grace Nguyen (wedding, Saturday, June 12, 2027)");
    expect(alert.text).toContain("Grace Nguyen sent an inquiry to Lumen & Lace.");
    expect(alert.text).toContain(`Email: ${email}`);
    expect(alert.text).toContain("Phone: (555) 010-2030");
    expect(alert.text).toContain("Are you free that day?");
    expect(alert.text).toMatch(new RegExp(`https?://\\S+/leads/${leadId}`));
    const row = await db().emailMessage.findFirstOrThrow({ where: { to: owner.email, kind: "lead.alert" } });
    const rendered = await inTx((tx) => renderOutboxEmail(tx, row, { origin: "https://app.shootq.test" }));
    expect(rendered.ok && rendered.replyTo).toBe(email);
  });

  it("saves the inquiry but emails nobody while the owner has not confirmed their address", async () => {
    const { studio, owner } = await createStudio(db());
    await db().user.update({ where: { id: owner.id }, data: { emailVerifiedAt: null } });
    const { user: staff } = await createStaff(db(), studio.id);
    const { leadId } = await inquire(studio.slug);
    expect(await db().lead.count({ where: { id: leadId, studioId: studio.id } })).toBe(1);
    expect(await alertsTo(staff.email)).toBe(0);
    expect(await alertsTo(owner.email)).toBe(0);
  });

  it("is not sent for a lead the studio enters itself, and a member's choice is saved for them only", async () => {
    const { studio, owner } = await createStudio(db());
    const other = await createStudio(db());
    await enterByHand(studio.id);
    expect(await alertsTo(owner.email)).toBe(0);
    // Another studio's member cannot be changed through this studio.
    await expect(choose(studio.id, other.owner.id, "OFF")).rejects.toThrow(/not found/i);
    expect((await db().user.findUniqueOrThrow({ where: { id: other.owner.id } })).leadAlert).toBe("INSTANT");
  });
});

describe("the daily digest", () => {
  it("goes once a day at 8:00 in the studio's zone, listing the inquiries since the previous one", async () => {
    const { studio, owner } = await createStudio(db(), { timeZone: "America/New_York" });
    const { user: off } = await createStaff(db(), studio.id);
    await choose(studio.id, owner.id, "DAILY");
    await choose(studio.id, off.id, "OFF");
    await inquireAt(studio.slug, "2027-03-08T10:00:00Z", "Too Early");
    await inquireAt(studio.slug, "2027-03-09T20:00:00Z", "Ana Lima");
    await inquireAt(studio.slug, "2027-03-10T02:00:00Z", "Ben Okafor");
    const byHand = await enterByHand(studio.id);
    await db().lead.update({ where: { id: byHand.id }, data: { createdAt: new Date("2027-03-10T03:00:00Z") } });
    expect(await alertsTo(owner.email)).toBe(0);

    // 7:59 in New York (EST, UTC-5): not yet. 8:00: one digest; later runs the same day, even two at once, add none.
    expect(await digest("2027-03-10T12:59:00Z")).toBe(0);
    expect(await digest("2027-03-10T13:00:00Z")).toBe(1);
    expect(await Promise.all([digest("2027-03-10T13:01:00Z"), digest("2027-03-10T13:01:00Z")])).toEqual([0, 0]);
    expect(await digest("2027-03-10T22:00:00Z")).toBe(0);
    const [first] = await digestsTo(owner.email);
    expect(await digestsTo(off.email)).toEqual([]);
    const mail = await renderQueuedEmail(db(), { id: first.id });
    expect(mail.subject).toBe(`2 new inquiries for ${studio.name}`);
    expect(mail.text).toMatch(/since Mar 9, 2027, 8:00\sAM:/);
    expect(mail.text.indexOf("Ana Lima")).toBeLessThan(mail.text.indexOf("Ben Okafor"));
    expect(mail.text).not.toContain("Too Early");
    expect(mail.text).not.toContain("Walk In");

    // The next morning lists only what came after the first digest; a quiet morning sends nothing.
    await inquireAt(studio.slug, "2027-03-10T18:00:00Z", "Chloe Park");
    expect(await digest("2027-03-11T13:00:00Z")).toBe(1);
    const second = await renderQueuedEmail(db(), { to: owner.email, kind: "lead.digest" });
    expect(second.subject).toBe(`1 new inquiry for ${studio.name}`);
    expect(second.text).toContain("Chloe Park");
    expect(second.text).not.toContain("Ana Lima");
    expect(await digest("2027-03-12T13:00:00Z")).toBe(0);
    expect(await db().leadDigest.count({ where: { userId: owner.id } })).toBe(3);

    // Clocks went forward on March 14: 8:00 is 12:00 UTC now, and the billing run sends it.
    await inquireAt(studio.slug, "2027-03-15T01:00:00Z", "Dev Shah");
    expect(await digest("2027-03-15T11:59:00Z")).toBe(0);
    expect(await runBillingTick(service, { now: new Date("2027-03-15T12:00:00Z") })).toMatchObject({ leadDigests: 1 });
    expect((await digestsTo(owner.email)).length).toBe(3);
  });

  it("waits while the owner has not confirmed their address, then catches up the same day", async () => {
    const { studio, owner } = await createStudio(db(), { timeZone: "Europe/Paris" });
    const { user: staff } = await createStaff(db(), studio.id);
    await choose(studio.id, staff.id, "DAILY");
    await db().user.update({ where: { id: owner.id }, data: { emailVerifiedAt: null } });
    await inquireAt(studio.slug, "2027-05-03T19:00:00Z", "Eva Rossi");

    // 8:00 in Paris (CEST, UTC+2) is 6:00 UTC.
    expect(await digest("2027-05-04T06:00:00Z")).toBe(0);
    expect(await db().leadDigest.count({ where: { userId: staff.id } })).toBe(0);
    await db().user.update({ where: { id: owner.id }, data: { emailVerifiedAt: new Date() } });
    expect(await digest("2027-05-04T09:30:00Z")).toBe(1);
    const mail = await renderQueuedEmail(db(), { to: staff.email, kind: "lead.digest" });
    expect(mail.text).toContain("Eva Rossi");
  });
});
