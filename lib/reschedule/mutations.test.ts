import { describe, expect, it } from "vitest";
import { addDays, dayKeyOf, dayKeyOfDateColumn, timeOfDayOf, zonedInstant } from "@/lib/calendar/zoned";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { createInvoiceFromProposal } from "@/lib/invoices/mutations";
import { applyReschedule, undoReschedule } from "@/lib/reschedule/mutations";
import { defaultEventIds, findRescheduleJob, planReschedule } from "@/lib/reschedule/plan";
import { findUndoableReschedule } from "@/lib/reschedule/queries";
import { createEvent, createJob, createStaff, createStudio, createTask, dateOnly } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const read = () => dbForHost("primary");
const TZ = "America/New_York";
const at = (day: string, time: string) => zonedInstant(day, time, TZ);

/**
 * A wedding on Saturday 6 March 2027 (before the clocks change on the 14th) with a workflow
 * half done, the wedding day itself and an engagement shoot in January.
 */
async function wedding() {
  const { studio, owner } = await createStudio(db(), { timeZone: TZ });
  const studioId = studio.id;
  const job = await createJob(db(), {
    studioId,
    title: "Nguyen–Walsh Wedding",
    date: dateOnly(new Date("2027-03-06T00:00:00Z")),
  });
  const done = await createTask(db(), {
    studioId,
    jobId: job.id,
    position: 0,
    name: "Send welcome packet",
    dueAt: at("2027-01-05", "17:00"),
    completedAt: new Date("2027-01-04T15:00:00Z"),
  });
  const design = await createTask(db(), {
    studioId,
    jobId: job.id,
    position: 1,
    name: "Album Design",
    dueAt: at("2027-03-20", "17:00"),
  });
  const order = await createTask(db(), {
    studioId,
    jobId: job.id,
    position: 2,
    name: "Place order",
    dueAt: at("2027-03-27", "17:00"),
  });
  const day = await createEvent(db(), {
    studioId,
    jobId: job.id,
    name: "Wedding day",
    startsAt: at("2027-03-06", "15:00"),
    endsAt: at("2027-03-06", "23:00"),
  });
  const engagement = await createEvent(db(), {
    studioId,
    jobId: job.id,
    name: "Engagement session",
    startsAt: at("2027-01-10", "10:00"),
    endsAt: at("2027-01-10", "12:00"),
  });
  return { studioId, owner, job, done, design, order, day, engagement };
}

async function snapshot(jobId: string) {
  const job = await db().job.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      date: true,
      tasks: { orderBy: { position: "asc" }, select: { id: true, dueAt: true } },
      events: { orderBy: { id: "asc" }, select: { id: true, startsAt: true, endsAt: true } },
    },
  });
  return JSON.stringify(job);
}

describe("rescheduling a job", () => {
  it("applies exactly the preview: open tasks keep their distance, ticked events keep their local time across the clock change", async () => {
    const w = await wedding();
    const job = await findRescheduleJob(read(), { studioId: w.studioId, jobId: w.job.id });
    const eventIds = defaultEventIds(job!.events, "2027-03-06", TZ);
    expect(eventIds).toEqual([w.day.id]);

    const plan = await planReschedule(read(), { studioId: w.studioId, jobId: w.job.id, to: "2027-03-20", eventIds });
    expect(plan).toMatchObject({ from: "2027-03-06", to: "2027-03-20", days: 14 });
    expect(plan!.lines.map((l) => [l.kind, l.label])).toEqual([
      ["task", "Leather Album → Album Design"],
      ["task", "Leather Album → Place order"],
      ["event", "Wedding day"],
    ]);

    await inTx((tx) =>
      applyReschedule(tx, {
        studioId: w.studioId,
        userId: w.owner.id,
        input: { jobId: w.job.id, date: "2027-03-20", eventIds, fingerprint: plan!.fingerprint },
      }),
    );

    const after = await db().job.findUniqueOrThrow({ where: { id: w.job.id }, include: { tasks: true, events: true } });
    expect(dayKeyOfDateColumn(after.date!)).toBe("2027-03-20");
    for (const line of plan!.lines) {
      const moved =
        line.kind === "task"
          ? after.tasks.find((t) => t.id === line.id)!.dueAt
          : after.events.find((e) => e.id === line.id)!.startsAt;
      expect(moved.toISOString()).toBe(line.after);
    }
    const design = after.tasks.find((t) => t.id === w.design.id)!;
    expect([dayKeyOf(design.dueAt, TZ), timeOfDayOf(design.dueAt, TZ)]).toEqual(["2027-04-03", "17:00"]);
    const day = after.events.find((e) => e.id === w.day.id)!;
    // 15:00 EST before, 15:00 EDT after: the same wall clock, an hour less in UTC terms.
    expect([dayKeyOf(day.startsAt, TZ), timeOfDayOf(day.startsAt, TZ), timeOfDayOf(day.endsAt!, TZ)]).toEqual([
      "2027-03-20",
      "15:00",
      "23:00",
    ]);
    expect(after.tasks.find((t) => t.id === w.done.id)!.dueAt).toEqual(w.done.dueAt);
    expect(after.events.find((e) => e.id === w.engagement.id)!.startsAt).toEqual(w.engagement.startsAt);
  });

  it("undo puts the job and everything that moved back, once", async () => {
    const w = await wedding();
    const before = await snapshot(w.job.id);
    const plan = await planReschedule(read(), {
      studioId: w.studioId,
      jobId: w.job.id,
      to: "2027-02-27",
      eventIds: [w.day.id, w.engagement.id],
    });
    const { id } = await inTx((tx) =>
      applyReschedule(tx, {
        studioId: w.studioId,
        userId: w.owner.id,
        input: {
          jobId: w.job.id,
          date: "2027-02-27",
          eventIds: [w.day.id, w.engagement.id],
          fingerprint: plan!.fingerprint,
        },
      }),
    );
    expect(await snapshot(w.job.id)).not.toBe(before);
    expect(
      (await findUndoableReschedule(read(), { studioId: w.studioId, jobId: w.job.id, userId: w.owner.id }))?.id,
    ).toBe(id);

    const { user: staff } = await createStaff(db(), w.studioId);
    await expect(
      inTx((tx) => undoReschedule(tx, { studioId: w.studioId, userId: staff.id, rescheduleId: id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await findUndoableReschedule(read(), { studioId: w.studioId, jobId: w.job.id, userId: staff.id }),
    ).toBeNull();

    await inTx((tx) => undoReschedule(tx, { studioId: w.studioId, userId: w.owner.id, rescheduleId: id }));
    expect(await snapshot(w.job.id)).toBe(before);
    await expect(
      inTx((tx) => undoReschedule(tx, { studioId: w.studioId, userId: w.owner.id, rescheduleId: id })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await findUndoableReschedule(read(), { studioId: w.studioId, jobId: w.job.id, userId: w.owner.id }),
    ).toBeNull();
  });

  it("refuses a preview that is out of date and changes nothing at all", async () => {
    const w = await wedding();
    const plan = await planReschedule(read(), {
      studioId: w.studioId,
      jobId: w.job.id,
      to: "2027-04-10",
      eventIds: [w.day.id],
    });
    // Between the preview and the click, the album design is done: it no longer moves.
    await db().task.update({ where: { id: w.design.id }, data: { completedAt: new Date() } });
    const before = await snapshot(w.job.id);
    await expect(
      inTx((tx) =>
        applyReschedule(tx, {
          studioId: w.studioId,
          userId: w.owner.id,
          input: { jobId: w.job.id, date: "2027-04-10", eventIds: [w.day.id], fingerprint: plan!.fingerprint },
        }),
      ),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Something changed since the preview. Review the new date again.",
    });
    expect(await snapshot(w.job.id)).toBe(before);
    expect(await db().jobReschedule.count({ where: { jobId: w.job.id } })).toBe(0);
  });

  it("moves the unpaid installments billing counts from the event, and undo puts them back", async () => {
    const w = await wedding();
    const proposal = await db().proposal.create({
      data: {
        studioId: w.studioId,
        jobId: w.job.id,
        title: "Full-Day Collection",
        depositCents: 100_000,
        expiresAt: new Date("2027-01-01T00:00:00Z"),
        status: "ACCEPTED",
        items: { create: [{ position: 0, description: "Eight hours", unitPriceCents: 450_000 }] },
      },
    });
    const { id: invoiceId } = await inTx((tx) =>
      createInvoiceFromProposal(tx, { studioId: w.studioId, proposalId: proposal.id }),
    );
    const installments = await db().installment.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    const balance = installments.find((i) => i.anchor === "EVENT")!;
    const dueOn = (id: string) =>
      db()
        .installment.findUniqueOrThrow({ where: { id } })
        .then((i) => dayKeyOfDateColumn(i.dueOn));
    const before = await dueOn(balance.id);

    const plan = await planReschedule(read(), {
      studioId: w.studioId,
      jobId: w.job.id,
      to: "2027-03-20",
      eventIds: [],
    });
    const line = plan!.lines.find((l) => l.kind === "installment")!;
    expect(plan!.lines.filter((l) => l.kind === "installment")).toHaveLength(1);
    expect(line).toMatchObject({
      id: balance.id,
      label: balance.label,
      before,
      after: addDays(before, 14),
      show: "date",
    });
    // Booking-based installments stay where they are.
    for (const other of installments.filter((i) => i.anchor !== "EVENT"))
      expect(plan!.lines.some((l) => l.id === other.id)).toBe(false);

    const { id } = await inTx((tx) =>
      applyReschedule(tx, {
        studioId: w.studioId,
        userId: w.owner.id,
        input: { jobId: w.job.id, date: "2027-03-20", eventIds: [], fingerprint: plan!.fingerprint },
      }),
    );
    expect(await dueOn(balance.id)).toBe(line.after);

    await inTx((tx) => undoReschedule(tx, { studioId: w.studioId, userId: w.owner.id, rescheduleId: id }));
    expect(await dueOn(balance.id)).toBe(before);

    // Paid between the preview and the click: nothing moves at all.
    const again = await planReschedule(read(), {
      studioId: w.studioId,
      jobId: w.job.id,
      to: "2027-03-27",
      eventIds: [],
    });
    await db().installment.update({ where: { id: balance.id }, data: { status: "PAID" } });
    const snap = await snapshot(w.job.id);
    await expect(
      inTx((tx) =>
        applyReschedule(tx, {
          studioId: w.studioId,
          userId: w.owner.id,
          input: { jobId: w.job.id, date: "2027-03-27", eventIds: [], fingerprint: again!.fingerprint },
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect([await snapshot(w.job.id), await dueOn(balance.id)]).toEqual([snap, before]);
  });

  it("treats another studio's job as missing and moves nothing of it", async () => {
    const w = await wedding();
    const other = await createStudio(db());
    const before = await snapshot(w.job.id);
    await expect(
      planReschedule(read(), { studioId: other.studio.id, jobId: w.job.id, to: "2027-04-10", eventIds: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) =>
        applyReschedule(tx, {
          studioId: other.studio.id,
          userId: other.owner.id,
          input: { jobId: w.job.id, date: "2027-04-10", eventIds: [w.day.id], fingerprint: "x" },
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another job's event id given with this job is not moved either.
    const otherJob = await createJob(db(), { studioId: w.studioId, date: dateOnly(new Date("2027-05-01T00:00:00Z")) });
    const plan = await planReschedule(read(), {
      studioId: w.studioId,
      jobId: otherJob.id,
      to: "2027-05-08",
      eventIds: [w.day.id],
    });
    expect(plan!.lines.filter((l) => l.kind === "event")).toEqual([]);
    expect(await snapshot(w.job.id)).toBe(before);
  });
});
