import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb } from "@/lib/db";
import { countWhatsNew, findWhatsNextPage, loadDashboard } from "@/lib/dashboard/queries";
import { createEvent, createJob, createLead, createStudio, createTask } from "@/prisma/factories";

const db = () => primaryDb();
const read = () => dbForHost("primary");
const day = 86_400_000;

describe("What's Next", () => {
  it("shows each active job's first open task by position, soonest due first, per brand", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    const studioId = studio.id;
    const now = Date.now();
    const album = await createJob(db(), { studioId, brandId: brands[0].id, title: "Album job", status: "COMPLETED" });
    const prints = await createJob(db(), { studioId, brandId: brands[1].id, title: "Prints job" });
    const cancelled = await createJob(db(), {
      studioId,
      brandId: brands[0].id,
      title: "Cancelled job",
      status: "CANCELLED",
    });
    await createTask(db(), {
      studioId,
      jobId: album.id,
      position: 0,
      name: "Album Design",
      dueAt: new Date(now - 10 * day),
      completedAt: new Date(),
    });
    const albumNext = await createTask(db(), {
      studioId,
      jobId: album.id,
      position: 1,
      name: "Client Approves Design",
      dueAt: new Date(now - 3 * day),
    });
    await createTask(db(), {
      studioId,
      jobId: album.id,
      position: 2,
      name: "Place order",
      dueAt: new Date(now - 5 * day),
    });
    const printsNext = await createTask(db(), {
      studioId,
      jobId: prints.id,
      workflow: "Portrait Prints",
      position: 0,
      name: "Cull",
      dueAt: new Date(now + 2 * day),
    });
    await createTask(db(), {
      studioId,
      jobId: cancelled.id,
      position: 0,
      name: "Never",
      dueAt: new Date(now - 20 * day),
    });

    const all = await findWhatsNextPage(read(), { studioId });
    expect(all.rows.map((t) => [t.id, t.jobTitle])).toEqual([
      [albumNext.id, "Album job"],
      [printsNext.id, "Prints job"],
    ]);
    const portraits = await findWhatsNextPage(read(), { studioId, brandId: brands[1].id });
    expect(portraits.rows.map((t) => t.id)).toEqual([printsNext.id]);
  });

  it("pages ten at a time, forward and back", async () => {
    const { studio } = await createStudio(db());
    const studioId = studio.id;
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const job = await createJob(db(), { studioId, title: `Job ${i}` });
      ids.push((await createTask(db(), { studioId, jobId: job.id, dueAt: new Date(Date.UTC(2027, 0, 1 + i)) })).id);
    }
    const first = await findWhatsNextPage(read(), { studioId });
    const second = await findWhatsNextPage(read(), { studioId, after: first.next });
    const third = await findWhatsNextPage(read(), { studioId, after: second.next });
    expect([...first.rows, ...second.rows, ...third.rows].map((t) => t.id)).toEqual(ids);
    expect(third.next).toBeUndefined();
    expect((await findWhatsNextPage(read(), { studioId, before: third.prev })).rows.map((t) => t.id)).toEqual(
      second.rows.map((t) => t.id),
    );
    expect((await findWhatsNextPage(read(), { studioId, before: second.prev })).prev).toBeUndefined();
  });
});

describe("loadDashboard", () => {
  it("counts new leads and shows seven days of events in the studio's zone, filtered by brand", async () => {
    const timeZone = "America/Los_Angeles";
    const { studio, owner, brands } = await createStudio(db(), { timeZone, brands: ["Weddings", "Portraits"] });
    const studioId = studio.id;
    const now = new Date("2027-06-01T18:00:00Z"); // 11:00 in Los Angeles
    const wedding = await createJob(db(), { studioId, brandId: brands[0].id, title: "Wedding" });
    const portrait = await createJob(db(), { studioId, brandId: brands[1].id, title: "Portrait" });
    // 23:30 on June 1 in Los Angeles is June 2 in UTC: it still belongs to today's row.
    await createEvent(db(), {
      studioId,
      jobId: wedding.id,
      name: "Rehearsal",
      startsAt: new Date("2027-06-02T06:30:00Z"),
    });
    await createEvent(db(), {
      studioId,
      jobId: portrait.id,
      name: "Family session",
      startsAt: new Date("2027-06-04T17:00:00Z"),
      isShoot: true,
    });
    await createEvent(db(), {
      studioId,
      jobId: wedding.id,
      name: "Too late",
      startsAt: new Date("2027-06-08T08:00:00Z"),
    });
    await createEvent(db(), {
      studioId,
      jobId: portrait.id,
      name: "Headshots",
      startsAt: new Date("2027-06-10T17:00:00Z"),
      isShoot: true,
    });
    await createLead(db(), { studioId, brandId: brands[0].id });
    await createLead(db(), { studioId, brandId: brands[1].id });
    await createLead(db(), { studioId, brandId: brands[1].id, status: "CONTACTED" });
    // An archived lead is no longer news, even when it was never answered.
    await createLead(db(), { studioId, brandId: brands[1].id, archivedAt: new Date("2027-05-30T12:00:00Z") });

    const all = await loadDashboard(read(), { studioId, userId: owner.id, timeZone, currency: "USD", now, pages: {} });
    expect(all.newLeads).toBe(2);
    expect(all.newLeadsPreview).toHaveLength(2);
    expect(all.week.map((d) => [d.key, d.events.map((e) => e.name)])).toEqual([
      ["2027-06-01", ["Rehearsal"]],
      ["2027-06-02", []],
      ["2027-06-03", []],
      ["2027-06-04", ["Family session"]],
      ["2027-06-05", []],
      ["2027-06-06", []],
      ["2027-06-07", []],
    ]);
    const portraits = await loadDashboard(read(), {
      studioId,
      userId: owner.id,
      brandId: brands[1].id,
      timeZone,
      currency: "USD",
      now,
      pages: {},
    });
    expect(portraits.newLeads).toBe(1);
    expect(portraits.week.flatMap((d) => d.events.map((e) => e.name))).toEqual(["Family session"]);
    // The week's own shoot is in What's Happening already; Scheduled Shoots starts after the week.
    expect(portraits.shoots.rows.map((e) => e.name)).toEqual(["Headshots"]);
  });

  it("reads a busy day's first five events in start order and counts the rest, per brand, by the studio's calendar", async () => {
    const timeZone = "Asia/Tokyo";
    const { studio, owner, brands } = await createStudio(db(), { timeZone, brands: ["Weddings", "Portraits"] });
    const studioId = studio.id;
    const now = new Date("2027-06-01T03:00:00Z"); // 12:00 in Tokyo
    const wedding = await createJob(db(), { studioId, brandId: brands[0].id, title: "Harbor wedding" });
    const portrait = await createJob(db(), { studioId, brandId: brands[1].id, title: "Portraits" });
    // June 2 in Tokyo runs from 15:00 UTC on June 1: eight wedding events and one portrait session
    // that day, created out of order; one more at 14:59 UTC on June 1 is still June 1 in Tokyo.
    for (const hour of [7, 3, 5, 1, 8, 2, 6, 4])
      await createEvent(db(), {
        studioId,
        jobId: wedding.id,
        name: `Part ${hour}`,
        startsAt: new Date(Date.UTC(2027, 5, 1, 15 + hour)),
      });
    await createEvent(db(), {
      studioId,
      jobId: portrait.id,
      name: "Sitting",
      startsAt: new Date("2027-06-01T15:30:00Z"),
    });
    await createEvent(db(), { studioId, jobId: wedding.id, name: "Eve", startsAt: new Date("2027-06-01T14:59:00Z") });

    const load = (brandId?: string) =>
      loadDashboard(read(), { studioId, userId: owner.id, brandId, timeZone, currency: "USD", now, pages: {} });
    const busy = (await load()).week.find((d) => d.key === "2027-06-02")!;
    expect(busy.events.map((e) => e.name)).toEqual(["Sitting", "Part 1", "Part 2", "Part 3", "Part 4"]);
    expect(busy.total).toBe(9);
    expect(busy.events[1].job).toEqual({ id: wedding.id, title: "Harbor wedding" });
    const today = (await load()).week.find((d) => d.key === "2027-06-01")!;
    expect([today.events.map((e) => e.name), today.total]).toEqual([["Eve"], 1]);
    const portraits = (await load(brands[1].id)).week.find((d) => d.key === "2027-06-02")!;
    expect([portraits.events.map((e) => e.name), portraits.total]).toEqual([["Sitting"], 1]);
  });
});

describe("What's New's numbers", () => {
  it("count overdue installments, the money received since a day and failed email, per brand, in one statement", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    const studioId = studio.id;
    const from = new Date("2027-06-01T07:00:00Z");
    const invoiceFor = async (brandId: string, number: number, status: "SENT" | "PAID" | "VOID") => {
      const job = await createJob(db(), { studioId, brandId, title: `Job ${number}` });
      return db().invoice.create({
        data: { studioId, jobId: job.id, number, title: `Invoice ${number}`, currency: "USD", status },
      });
    };
    const wedding = await invoiceFor(brands[0].id, 1, "SENT");
    const portrait = await invoiceFor(brands[1].id, 2, "SENT");
    const voided = await invoiceFor(brands[1].id, 3, "VOID");
    const installment = (invoiceId: string, position: number, status: "OPEN" | "OVERDUE") => ({
      studioId,
      invoiceId,
      position,
      label: `Part ${position}`,
      amountMinor: 50_00,
      dueOn: new Date("2027-05-01"),
      status,
    });
    await db().installment.createMany({
      data: [
        installment(wedding.id, 0, "OVERDUE"),
        installment(wedding.id, 1, "OPEN"),
        installment(portrait.id, 0, "OVERDUE"),
        // A void invoice's installments are owed by no one.
        installment(voided.id, 0, "OVERDUE"),
      ],
    });
    const payment = (invoiceId: string, amountMinor: number, receivedAt: string, extra = {}) => ({
      studioId,
      invoiceId,
      method: "CARD" as const,
      amountMinor,
      currency: "USD",
      receivedAt: new Date(receivedAt),
      ...extra,
    });
    await db().payment.createMany({
      data: [
        payment(wedding.id, 300_00, "2027-06-02T12:00:00Z"),
        payment(wedding.id, 20_00, "2027-06-03T12:00:00Z", { kind: "REFUND" }),
        payment(portrait.id, 150_00, "2027-06-04T12:00:00Z"),
        // Before the month began, and in another currency: not this month's money in dollars.
        payment(portrait.id, 999_00, "2027-05-31T12:00:00Z"),
        payment(portrait.id, 777_00, "2027-06-04T12:00:00Z", { currency: "EUR" }),
      ],
    });
    const read = dbForHost("primary");
    expect(await countWhatsNew(read, { studioId, from, currency: "USD" })).toEqual({
      newLeads: 0,
      bookingsToReview: 0,
      overduePayments: 2,
      receivedThisMonth: 430_00,
      hasFailedEmails: false,
    });
    expect(await countWhatsNew(read, { studioId, brandId: brands[0].id, from, currency: "USD" })).toMatchObject({
      overduePayments: 1,
      receivedThisMonth: 280_00,
    });
    expect(await countWhatsNew(read, { studioId, brandId: brands[1].id, from, currency: "USD" })).toMatchObject({
      overduePayments: 1,
      receivedThisMonth: 150_00,
    });
  });
});
