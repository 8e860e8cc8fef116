import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { changeJobStatus, createJob, updateJob } from "@/lib/jobs/mutations";
import { findJobPage } from "@/lib/jobs/queries";
import { changeJobStatusSchema, createJobSchema, updateJobSchema } from "@/lib/jobs/schemas";
import { createContact, createJob as createJobRow, createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

async function twoStudios() {
  const mine = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
  const theirs = await createStudio(db());
  return { mine, theirs, studioId: mine.studio.id };
}

describe("createJob", () => {
  it("creates a job for a new client", async () => {
    const { mine, studioId } = await twoStudios();
    const input = createJobSchema.parse({
      title: "Okafor Family Portraits",
      type: "Portrait",
      date: "2027-05-01",
      brandId: mine.brands[1].id,
      contactId: "",
      contactName: "Adaeze Okafor",
      contactEmail: "Adaeze@Example.com",
      contactPhone: "555 0101",
    });
    const { id } = await inTx((tx) => createJob(tx, { studioId, input }));
    const job = await db().job.findUniqueOrThrow({ where: { id }, include: { contact: true } });
    expect(job).toMatchObject({
      studioId,
      brandId: mine.brands[1].id,
      title: "Okafor Family Portraits",
      type: "portrait",
      status: "LEAD",
    });
    expect(job.contact).toMatchObject({
      studioId,
      name: "Adaeze Okafor",
      email: "adaeze@example.com",
      phone: "555 0101",
    });
  });

  it("creates a job for an existing client, with the studio's own job type", async () => {
    const { mine, studioId } = await twoStudios();
    const contact = await createContact(db(), { studioId });
    const input = createJobSchema.parse({
      title: "Newborn",
      type: "Newborn session",
      brandId: mine.brands[0].id,
      contactId: contact.id,
    });
    const { id } = await inTx((tx) => createJob(tx, { studioId, input }));
    expect(await db().job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      contactId: contact.id,
      type: "Newborn session",
      date: null,
    });
  });

  it("treats another studio's client or brand as missing and creates nothing", async () => {
    const { mine, theirs, studioId } = await twoStudios();
    const theirContact = await createContact(db(), { studioId: theirs.studio.id });
    const stolenContact = createJobSchema.parse({
      title: "Job",
      type: "event",
      brandId: mine.brands[0].id,
      contactId: theirContact.id,
    });
    await expect(inTx((tx) => createJob(tx, { studioId, input: stolenContact }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { contactId: ["Choose one of your clients."] },
    });
    const stolenBrand = createJobSchema.parse({
      title: "Job",
      type: "event",
      brandId: theirs.brands[0].id,
      contactName: "New Person",
      contactEmail: "new@example.com",
    });
    await expect(inTx((tx) => createJob(tx, { studioId, input: stolenBrand }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { brandId: ["Choose one of your brands."] },
    });
    expect(await db().job.count({ where: { studioId } })).toBe(0);
    expect(await db().contact.count({ where: { studioId } })).toBe(0);
  });

  it("explains every missing or invalid field at once", () => {
    expect(
      fieldErrors(
        createJobSchema.safeParse({
          title: "",
          type: "",
          date: "next week",
          brandId: "",
          contactName: "",
          contactEmail: "not-an-email",
        }),
      ),
    ).toEqual({
      title: ["Enter a title."],
      type: ["Enter a type, such as wedding or portrait."],
      date: ["Enter a real date as YYYY-MM-DD."],
      brandId: ["Choose a brand."],
      contactName: ["Choose an existing client or enter the new client's name."],
      contactEmail: ["Enter a valid email address."],
    });
    expect(
      fieldErrors(
        createJobSchema.safeParse({
          title: "t".repeat(121),
          type: "wedding",
          brandId: "b",
          contactName: "A",
          contactEmail: "",
        }),
      ),
    ).toEqual({
      title: ["Use at most 120 characters."],
      contactEmail: ["Enter the new client's email address."],
    });
  });
});

describe("updateJob", () => {
  it("saves title, type, brand, client and notes; moving to another brand moves it under that brand's filter", async () => {
    const { mine, studioId } = await twoStudios();
    const job = await createJobRow(db(), { studioId, brandId: mine.brands[0].id, date: null });
    const newClient = await createContact(db(), { studioId, name: "New Client" });
    const input = updateJobSchema.parse({
      jobId: job.id,
      title: "Renamed",
      type: "Portrait",
      date: "2027-05-01",
      brandId: mine.brands[1].id,
      contactId: newClient.id,
      notes: "Bring the 85mm.",
    });
    const result = await inTx((tx) => updateJob(tx, { studioId, input }));
    expect(result.rescheduleTo).toBeNull();
    const saved = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    expect(saved).toMatchObject({
      title: "Renamed",
      type: "portrait",
      brandId: mine.brands[1].id,
      contactId: newClient.id,
      notes: "Bring the 85mm.",
    });
    expect(saved.date?.toISOString().slice(0, 10)).toBe("2027-05-01");
    const underBrand = await findJobPage(dbForHost("primary"), {
      studioId,
      brandId: mine.brands[1].id,
      view: "upcoming",
      todayKey: "2027-01-01",
    });
    expect(underBrand.rows.map((r) => r.id)).toEqual([job.id]);
    expect(
      (
        await findJobPage(dbForHost("primary"), {
          studioId,
          brandId: mine.brands[0].id,
          view: "upcoming",
          todayKey: "2027-01-01",
        })
      ).rows,
    ).toEqual([]);
  });

  it("leaves a dated job's date to the reschedule preview", async () => {
    const { mine, studioId } = await twoStudios();
    const job = await createJobRow(db(), { studioId, date: new Date("2027-06-12T00:00:00Z") });
    const input = updateJobSchema.parse({
      jobId: job.id,
      title: job.title,
      type: job.type,
      date: "2027-06-26",
      brandId: mine.brands[0].id,
      contactId: job.contactId,
    });
    expect((await inTx((tx) => updateJob(tx, { studioId, input }))).rescheduleTo).toBe("2027-06-26");
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).date?.toISOString().slice(0, 10)).toBe(
      "2027-06-12",
    );
  });

  it("refuses another studio's job, brand or client", async () => {
    const { mine, theirs, studioId } = await twoStudios();
    const job = await createJobRow(db(), { studioId });
    const theirJob = await createJobRow(db(), { studioId: theirs.studio.id, title: "Theirs" });
    const base = { title: "X", type: "wedding", brandId: mine.brands[0].id, contactId: job.contactId };
    await expect(
      inTx((tx) => updateJob(tx, { studioId, input: updateJobSchema.parse({ ...base, jobId: theirJob.id }) })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) =>
        updateJob(tx, {
          studioId,
          input: updateJobSchema.parse({ ...base, jobId: job.id, brandId: theirs.brands[0].id }),
        }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inTx((tx) =>
        updateJob(tx, {
          studioId,
          input: updateJobSchema.parse({ ...base, jobId: job.id, contactId: theirJob.contactId }),
        }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { contactId: ["Choose one of your clients."] },
    });
    expect((await db().job.findUniqueOrThrow({ where: { id: theirJob.id } })).title).toBe("Theirs");
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).title).toBe(job.title);
  });
});

describe("changeJobStatus", () => {
  it("sets the status of the studio's job", async () => {
    const { studioId } = await twoStudios();
    const job = await createJobRow(db(), { studioId, status: "LEAD" });
    await inTx((tx) => changeJobStatus(tx, { studioId, jobId: job.id, status: "COMPLETED" }));
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("COMPLETED");
  });

  it("treats another studio's job as missing and leaves it unchanged", async () => {
    const { theirs, studioId } = await twoStudios();
    const job = await createJobRow(db(), { studioId: theirs.studio.id, status: "BOOKED" });
    await expect(
      inTx((tx) => changeJobStatus(tx, { studioId, jobId: job.id, status: "CANCELLED" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("BOOKED");
  });

  it("rejects an unknown status", () => {
    expect(fieldErrors(changeJobStatusSchema.safeParse({ jobId: "j", status: "DONE" })).status).toEqual([
      "Choose a status from the list.",
    ]);
  });
});

describe("findJobPage", () => {
  it("splits jobs into upcoming, past and undated, 25 a page, filtered by brand and status", async () => {
    const { mine, studioId } = await twoStudios();
    const contact = await createContact(db(), { studioId });
    await db().job.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        studioId,
        contactId: contact.id,
        brandId: mine.brands[i % 2].id,
        title: `Job ${i}`,
        type: "wedding",
        status: i % 7 === 0 ? ("CANCELLED" as const) : ("BOOKED" as const),
        date: i < 10 ? null : new Date(Date.UTC(2027, 0, 1 + (i % 30))),
      })),
    });
    const read = dbForHost("primary");
    const all = async (filter: Parameters<typeof findJobPage>[1]) => {
      const ids: string[] = [];
      let page = await findJobPage(read, filter);
      ids.push(...page.rows.map((r) => r.id));
      while (page.next) {
        page = await findJobPage(read, { ...filter, after: page.next });
        ids.push(...page.rows.map((r) => r.id));
      }
      return ids;
    };
    const today = "2027-01-16";
    const upcoming = await all({ studioId, view: "upcoming", todayKey: today });
    const past = await all({ studioId, view: "past", todayKey: today });
    const undated = await all({ studioId, view: "unscheduled", todayKey: today });
    expect(upcoming.length + past.length + undated.length).toBe(70);
    expect(new Set([...upcoming, ...past, ...undated]).size).toBe(70);
    expect(undated).toHaveLength(10);
    const first = await findJobPage(read, { studioId, view: "upcoming", todayKey: today });
    const firstDates = first.rows.map((r) => r.date!.getTime());
    expect(firstDates).toEqual([...firstDates].sort((a, b) => a - b));
    expect(firstDates[0]).toBeGreaterThanOrEqual(Date.UTC(2027, 0, 16));

    const cancelledMine = await all({
      studioId,
      view: "upcoming",
      todayKey: "2000-01-01",
      status: "CANCELLED",
      brandId: mine.brands[0].id,
    });
    const expected = Array.from({ length: 70 }, (_, i) => i).filter(
      (i) => i >= 10 && i % 7 === 0 && i % 2 === 0,
    ).length;
    expect(cancelledMine).toHaveLength(expected);
  });
});
