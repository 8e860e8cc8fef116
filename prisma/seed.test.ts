import { verify } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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

  it("seeding again changes nothing", async () => {
    const before = await countRows();
    await expect(seedDemo(db, now)).resolves.toEqual({ seeded: false });
    expect(await countRows()).toEqual(before);
  });
});
