import { describe, expect, it } from "vitest";
import { z } from "zod";
import { primaryDb, type Tx } from "@/lib/db";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/mutations";
import { createEventSchema, updateEventSchema } from "@/lib/events/schemas";
import { createEvent as createEventRow, createJob, createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

async function setup() {
  const { studio } = await createStudio(db(), { timeZone: "America/New_York" });
  const job = await createJob(db(), { studioId: studio.id });
  const other = await createStudio(db());
  const otherJob = await createJob(db(), { studioId: other.studio.id });
  return { studioId: studio.id, job, otherJob };
}

const fields = (extra: Record<string, string>) =>
  createEventSchema.parse({
    name: "Engagement session",
    date: "2027-03-10",
    startTime: "17:30",
    endTime: "19:00",
    location: "DUMBO",
    isShoot: "on",
    ...extra,
  });

describe("createEvent", () => {
  it("stores wall-clock times of the studio's zone as instants", async () => {
    const { studioId, job } = await setup();
    const { jobId, ...rest } = fields({ jobId: job.id });
    const { id } = await inTx((tx) => createEvent(tx, { studioId, jobId, fields: rest }));
    const event = await db().event.findUniqueOrThrow({ where: { id } });
    // New York is UTC-5 on March 10, 2027 (daylight time starts March 14).
    expect(event).toMatchObject({
      studioId,
      jobId: job.id,
      name: "Engagement session",
      location: "DUMBO",
      isShoot: true,
    });
    expect(event.startsAt.toISOString()).toBe("2027-03-10T22:30:00.000Z");
    expect(event.endsAt?.toISOString()).toBe("2027-03-11T00:00:00.000Z");
  });

  it("handles daylight saving time and an unticked shoot box", async () => {
    const { studioId, job } = await setup();
    const { jobId, ...rest } = createEventSchema.parse({
      jobId: job.id,
      name: "Wedding day",
      date: "2027-07-04",
      startTime: "14:00",
    });
    const { id } = await inTx((tx) => createEvent(tx, { studioId, jobId, fields: rest }));
    const event = await db().event.findUniqueOrThrow({ where: { id } });
    expect(event.startsAt.toISOString()).toBe("2027-07-04T18:00:00.000Z");
    expect(event).toMatchObject({ endsAt: null, location: null, isShoot: false });
  });

  it("treats another studio's job as missing and adds nothing", async () => {
    const { studioId, otherJob } = await setup();
    const { jobId, ...rest } = fields({ jobId: otherJob.id });
    await expect(inTx((tx) => createEvent(tx, { studioId, jobId, fields: rest }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().event.count({ where: { jobId: otherJob.id } })).toBe(0);
  });

  it("explains a missing name, an impossible date, a malformed time and an end before the start", () => {
    expect(
      fieldErrors(createEventSchema.safeParse({ jobId: "j", name: "", date: "2027-02-29", startTime: "7pm" })),
    ).toEqual({
      name: ["Enter a name, such as Engagement session."],
      date: ["Enter a real date as YYYY-MM-DD."],
      startTime: ["Enter a time as HH:MM (24-hour)."],
    });
    expect(
      fieldErrors(
        createEventSchema.safeParse({
          jobId: "j",
          name: "Shoot",
          date: "2027-03-01",
          startTime: "18:00",
          endTime: "09:00",
        }),
      ),
    ).toEqual({
      endTime: ["End time must be after the start time."],
    });
    expect(
      fieldErrors(
        createEventSchema.safeParse({
          jobId: "j",
          name: "Shoot",
          date: "2027-03-01",
          startTime: "18:00",
          location: "l".repeat(201),
        }),
      ),
    ).toEqual({
      location: ["Use at most 200 characters."],
    });
  });
});

describe("updateEvent and deleteEvent", () => {
  it("edit every field of an event, then delete it", async () => {
    const { studioId, job } = await setup();
    const event = await createEventRow(db(), { studioId, jobId: job.id });
    const { eventId, ...rest } = updateEventSchema.parse({
      eventId: event.id,
      name: "Sales session",
      date: "2027-11-20",
      startTime: "18:00",
      location: "Studio",
    });
    await inTx((tx) => updateEvent(tx, { studioId, eventId, fields: rest }));
    const updated = await db().event.findUniqueOrThrow({ where: { id: event.id } });
    expect(updated).toMatchObject({ name: "Sales session", location: "Studio", isShoot: false, endsAt: null });
    expect(updated.startsAt.toISOString()).toBe("2027-11-20T23:00:00.000Z");

    await inTx((tx) => deleteEvent(tx, { studioId, eventId: event.id }));
    expect(await db().event.findUnique({ where: { id: event.id } })).toBeNull();
  });

  it("cannot edit or delete another studio's event, which stays as it was", async () => {
    const { studioId, otherJob } = await setup();
    const event = await createEventRow(db(), { studioId: otherJob.studioId, jobId: otherJob.id, name: "Theirs" });
    const { eventId, ...rest } = updateEventSchema.parse({
      eventId: event.id,
      name: "Mine now",
      date: "2027-11-20",
      startTime: "18:00",
    });
    await expect(inTx((tx) => updateEvent(tx, { studioId, eventId, fields: rest }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(inTx((tx) => deleteEvent(tx, { studioId, eventId: event.id }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ name: "Theirs" });
  });
});
