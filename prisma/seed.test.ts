import { verify } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyContractRecords } from "@/lib/contracts/audit";
import { checkClientEmailWording } from "@/lib/email-templates/wording";
import { PrismaClient } from "@/prisma/generated/prisma/client";
import { DEMO_LOGINS, seedDemo, type SeedResult } from "@/prisma/seed";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";

// The seed only runs on a database without studios, so it gets a database of its own.
let scratch: ScratchDatabase;
let db: PrismaClient;
let firstSeed: SeedResult;
const now = new Date();

async function countRows() {
  const [studios, users, leads, contacts, jobs, events, tasks, notifications] = await Promise.all([
    db.studio.count(),
    db.user.count(),
    db.lead.count(),
    db.contact.count(),
    db.job.count(),
    db.event.count(),
    db.task.count(),
    db.notification.count(),
  ]);
  return { studios, users, leads, contacts, jobs, events, tasks, notifications };
}

beforeAll(async () => {
  scratch = await createScratchDatabase(inject("database"), { prefix: "seed" });
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url }) });
  firstSeed = await seedDemo(db, now);
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

describe("seedDemo", () => {
  it("seeding an empty database creates the demo studio with logins that verify", async () => {
    expect(firstSeed.seeded).toBe(true);
    const studio = await db.studio.findFirstOrThrow({ include: { brands: { orderBy: { name: "asc" } } } });
    expect(studio.name).toBe("Lumen & Lace Photography");
    expect(studio.timeZone).toBe("America/New_York");
    expect(studio.brands.map((b) => b.name)).toEqual(["Little Lumen Portraits", "Lumen & Lace Weddings"]);

    const expected = { owner: ["OWNER", studio.id], staff: ["STAFF", studio.id], admin: ["ADMIN", null] } as const;
    for (const [key, login] of Object.entries(DEMO_LOGINS) as [
      keyof typeof DEMO_LOGINS,
      (typeof DEMO_LOGINS)[keyof typeof DEMO_LOGINS],
    ][]) {
      const user = await db.user.findUniqueOrThrow({ where: { email: login.email } });
      expect([user.role, user.studioId]).toEqual(expected[key]);
      expect(await verify(user.passwordHash, login.password)).toBe(true);
      expect(await verify(user.passwordHash, "wrong-password")).toBe(false);
    }
  });

  it("seeds leads in every status, several of them new", async () => {
    const byStatus = await db.lead.groupBy({ by: ["status"], _count: { _all: true } });
    const counts = Object.fromEntries(byStatus.map((g) => [g.status, g._count._all]));
    expect(Object.keys(counts).sort()).toEqual(["BOOKED", "CONTACTED", "LOST", "NEW", "PROPOSAL_SENT"]);
    expect(counts.NEW).toBeGreaterThanOrEqual(3);
  });

  it("puts at least one shoot in the next seven days so the week view is not empty", async () => {
    const shoots = await db.event.count({
      where: { isShoot: true, startsAt: { gte: now, lt: new Date(now.getTime() + 7 * 86_400_000) } },
    });
    expect(shoots).toBeGreaterThan(0);
  });

  it("creates workflow tasks for past jobs, some done, some overdue and some upcoming", async () => {
    const tasks = await db.task.findMany({ select: { dueAt: true, completedAt: true } });
    expect(tasks.some((t) => t.completedAt)).toBe(true);
    expect(tasks.some((t) => !t.completedAt && t.dueAt < now)).toBe(true);
    expect(tasks.some((t) => !t.completedAt && t.dueAt > now)).toBe(true);
  });

  it("gives the demo a workflow whose steps email the client, worded with fields a job has", async () => {
    const steps = await db.workflowStepTemplate.findMany({ where: { kind: "EMAIL" } });
    expect(steps.map((s) => s.name)).toEqual(expect.arrayContaining(["What to wear", "Thank you"]));
    for (const step of steps)
      expect(checkClientEmailWording({ subject: step.emailSubject!, body: step.emailBody! }, "job")).toEqual({});
  });

  it("gives the demo a contract template with two versions, a fully signed contract that verifies, and one still unsigned", async () => {
    expect(await db.contractTemplateVersion.count()).toBe(2);
    const contracts = await db.contract.findMany({
      orderBy: { sentAt: "asc" },
      include: { job: { select: { title: true } }, signatures: true, auditEntries: true },
    });
    expect(contracts.map((c) => [c.job.title, c.status])).toEqual([
      ["Nguyen–Walsh Wedding", "COUNTERSIGNED"],
      ["Rossi–Kim Wedding", "VIEWED"],
    ]);
    const [signed] = contracts;
    expect(signed.html).toContain("<strong>Grace Nguyen</strong>");
    expect(signed.html).not.toContain("[");
    expect(verifyContractRecords(signed, signed.auditEntries, signed.signatures)).toMatchObject({ isIntact: true });
    expect(contracts[1].sentAt!.getTime()).toBeLessThan(now.getTime() - 3 * 86_400_000);
  });

  it("seeding again changes nothing", async () => {
    const before = await countRows();
    await expect(seedDemo(db, now)).resolves.toEqual({ seeded: false });
    expect(await countRows()).toEqual(before);
  });
});
