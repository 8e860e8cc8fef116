import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import {
  addLeadNote,
  changeLeadStatus,
  convertLeadToJob,
  createLead,
  setLeadArchived,
  updateLead,
} from "@/lib/leads/mutations";
import { findLeadPage } from "@/lib/leads/queries";
import {
  addLeadNoteSchema,
  changeLeadStatusSchema,
  convertLeadSchema,
  createLeadSchema,
  updateLeadSchema,
} from "@/lib/leads/schemas";
import { createLead as createLeadRow, createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? (z.flattenError(result.error).fieldErrors as Record<string, string[]>) : {};

async function twoStudios() {
  const mine = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
  const theirs = await createStudio(db());
  return { mine, theirs, studioId: mine.studio.id };
}

const leadForm = {
  name: "Jane Doe",
  email: "Jane.Doe@Example.com",
  phone: "(555) 010-1234",
  eventType: "Wedding",
  eventDate: "2027-06-12",
  message: "Hi!",
};

describe("createLead", () => {
  it("saves a hand-entered lead as new, in the chosen brand, with the date as a calendar date", async () => {
    const { mine, studioId } = await twoStudios();
    const input = createLeadSchema.parse({ ...leadForm, brandId: mine.brands[1].id });
    const { id } = await inTx((tx) => createLead(tx, { studioId, input }));
    const lead = await db().lead.findUniqueOrThrow({ where: { id } });
    expect(lead).toMatchObject({
      studioId,
      brandId: mine.brands[1].id,
      name: "Jane Doe",
      email: "jane.doe@example.com",
      eventType: "wedding",
      status: "NEW",
      source: "manual",
    });
    expect(lead.eventDate?.toISOString()).toBe("2027-06-12T00:00:00.000Z");
  });

  it("falls back to the studio's first brand when none is chosen", async () => {
    const { mine, studioId } = await twoStudios();
    const { id } = await inTx((tx) => createLead(tx, { studioId, input: createLeadSchema.parse(leadForm) }));
    expect((await db().lead.findUniqueOrThrow({ where: { id } })).brandId).toBe(mine.brands[0].id);
  });

  it("refuses another studio's brand and saves nothing", async () => {
    const { theirs, studioId } = await twoStudios();
    const input = createLeadSchema.parse({ ...leadForm, brandId: theirs.brands[0].id });
    await expect(inTx((tx) => createLead(tx, { studioId, input }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { brandId: ["Choose one of your brands."] },
    });
    expect(await db().lead.count({ where: { studioId } })).toBe(0);
  });

  it("explains every invalid field: empty, too long, wrong type and a date in the wrong format", () => {
    const errors = fieldErrors(
      createLeadSchema.safeParse({
        name: " ",
        email: "nope",
        phone: "call me",
        eventType: "x".repeat(41),
        eventDate: "12/06/2027",
        message: "y".repeat(2001),
      }),
    );
    expect(errors).toEqual({
      name: ["Enter a name."],
      email: ["Enter a valid email address."],
      phone: ["Use digits, spaces and + ( ) - only."],
      eventType: ["Use at most 40 characters."],
      eventDate: ["Enter a real date as YYYY-MM-DD."],
      message: ["Use at most 2000 characters."],
    });
    expect(fieldErrors(createLeadSchema.safeParse({ ...leadForm, eventDate: "2027-02-30" })).eventDate).toEqual([
      "Enter a real date as YYYY-MM-DD.",
    ]);
    expect(fieldErrors(createLeadSchema.safeParse({ ...leadForm, name: 42 })).name).toEqual(["Enter a name."]);
  });
});

describe("editing a lead", () => {
  it("saves every field; a new email moves the lead to that address's client", async () => {
    const { mine, studioId } = await twoStudios();
    const { id } = await inTx((tx) => createLead(tx, { studioId, input: createLeadSchema.parse(leadForm) }));
    const first = await db().lead.findUniqueOrThrow({ where: { id } });
    const input = updateLeadSchema.parse({
      leadId: id,
      name: "Jane Doe-Reyes",
      email: "jane.reyes@example.com",
      phone: "",
      eventType: "portrait",
      eventDate: "2027-07-01",
      message: "Changed our plans.",
      brandId: mine.brands[1].id,
    });
    const result = await inTx((tx) => updateLead(tx, { studioId, input }));
    const lead = await db().lead.findUniqueOrThrow({ where: { id }, include: { contact: true } });
    expect(lead).toMatchObject({
      name: "Jane Doe-Reyes",
      email: "jane.reyes@example.com",
      phone: null,
      eventType: "portrait",
      message: "Changed our plans.",
      brandId: mine.brands[1].id,
    });
    expect(lead.eventDate?.toISOString().slice(0, 10)).toBe("2027-07-01");
    expect(lead.contact).toMatchObject({ name: "Jane Doe-Reyes", emailNormalized: "jane.reyes@example.com" });
    expect(result).toMatchObject({ contactId: lead.contactId, previousContactId: first.contactId });
    expect(lead.contactId).not.toBe(first.contactId);
  });

  it("refuses another studio's lead or brand and changes nothing", async () => {
    const { mine, theirs, studioId } = await twoStudios();
    const theirLead = await createLeadRow(db(), { studioId: theirs.studio.id, name: "Theirs" });
    const input = updateLeadSchema.parse({ ...leadForm, leadId: theirLead.id });
    await expect(inTx((tx) => updateLead(tx, { studioId, input }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mineLead = await createLeadRow(db(), { studioId, brandId: mine.brands[0].id });
    await expect(
      inTx((tx) =>
        updateLead(tx, {
          studioId,
          input: updateLeadSchema.parse({ ...leadForm, leadId: mineLead.id, brandId: theirs.brands[0].id }),
        }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { brandId: ["Choose one of your brands."] },
    });
    expect((await db().lead.findUniqueOrThrow({ where: { id: theirLead.id } })).name).toBe("Theirs");
    expect((await db().lead.findUniqueOrThrow({ where: { id: mineLead.id } })).brandId).toBe(mine.brands[0].id);
  });

  it("archived, lost and booked leads leave the default list; each has its own filter, and restoring brings one back", async () => {
    const { studioId } = await twoStudios();
    const open = await createLeadRow(db(), { studioId, name: "Open One", status: "CONTACTED" });
    const lost = await createLeadRow(db(), { studioId, name: "Lost One", status: "LOST" });
    const booked = await createLeadRow(db(), { studioId, name: "Booked One", status: "BOOKED" });
    const archived = await createLeadRow(db(), { studioId, name: "Archived One", status: "NEW" });
    await inTx((tx) => setLeadArchived(tx, { studioId, leadId: archived.id, isArchived: true }));
    const names = async (status?: Parameters<typeof findLeadPage>[1]["status"]) =>
      (await findLeadPage(dbForHost("primary"), { studioId, sort: "newest", status })).rows.map((r) => r.name).sort();
    expect(await names()).toEqual(["Open One"]);
    expect(await names("LOST")).toEqual(["Lost One"]);
    expect(await names("BOOKED")).toEqual(["Booked One"]);
    expect(await names("NEW")).toEqual([]);
    expect(await names("archived")).toEqual(["Archived One"]);
    expect(await names("all")).toEqual(["Archived One", "Booked One", "Lost One", "Open One"]);
    await inTx((tx) => setLeadArchived(tx, { studioId, leadId: archived.id, isArchived: false }));
    expect(await names()).toEqual(["Archived One", "Open One"]);
    expect([open.id, lost.id, booked.id]).toHaveLength(3);
  });
});

describe("changeLeadStatus", () => {
  it("moves a lead through the pipeline stages", async () => {
    const { studioId } = await twoStudios();
    const lead = await createLeadRow(db(), { studioId });
    for (const status of ["CONTACTED", "PROPOSAL_SENT", "BOOKED", "LOST"] as const) {
      await inTx((tx) => changeLeadStatus(tx, { studioId, leadId: lead.id, status }));
      expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe(status);
    }
  });

  it("treats another studio's lead as missing and leaves it unchanged", async () => {
    const { theirs, studioId } = await twoStudios();
    const lead = await createLeadRow(db(), { studioId: theirs.studio.id });
    await expect(
      inTx((tx) => changeLeadStatus(tx, { studioId, leadId: lead.id, status: "LOST" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("NEW");
  });

  it("rejects a stage that is not one of the five", () => {
    expect(fieldErrors(changeLeadStatusSchema.safeParse({ leadId: "x", status: "WON" })).status).toEqual([
      "Choose a stage from the list.",
    ]);
  });
});

describe("addLeadNote", () => {
  it("keeps notes on the lead with their author", async () => {
    const { mine, studioId } = await twoStudios();
    const lead = await createLeadRow(db(), { studioId });
    await inTx((tx) =>
      addLeadNote(tx, { studioId, leadId: lead.id, authorId: mine.owner.id, body: "Left a voicemail." }),
    );
    const notes = await db().leadNote.findMany({ where: { leadId: lead.id } });
    expect(notes).toMatchObject([{ studioId, authorId: mine.owner.id, body: "Left a voicemail." }]);
  });

  it("cannot note on another studio's lead", async () => {
    const { mine, theirs, studioId } = await twoStudios();
    const lead = await createLeadRow(db(), { studioId: theirs.studio.id });
    await expect(
      inTx((tx) => addLeadNote(tx, { studioId, leadId: lead.id, authorId: mine.owner.id, body: "sneaky" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().leadNote.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it("rejects an empty or overlong note", () => {
    expect(fieldErrors(addLeadNoteSchema.safeParse({ leadId: "x", body: "   " })).body).toEqual(["Enter a note."]);
    expect(fieldErrors(addLeadNoteSchema.safeParse({ leadId: "x", body: "n".repeat(2001) })).body).toEqual([
      "Use at most 2000 characters.",
    ]);
  });
});

describe("convertLeadToJob", () => {
  it("creates the client and the job, and links the lead to the job", async () => {
    const { mine, studioId } = await twoStudios();
    const lead = await createLeadRow(db(), {
      studioId,
      name: "Grace Nguyen",
      email: "grace@example.com",
      phone: "555 0100",
      status: "CONTACTED",
    });
    const input = convertLeadSchema.parse({
      leadId: lead.id,
      title: "Nguyen Wedding",
      type: "wedding",
      date: "2027-09-18",
      brandId: mine.brands[1].id,
    });
    const { jobId, contactId } = await inTx((tx) => convertLeadToJob(tx, { studioId, input }));

    const job = await db().job.findUniqueOrThrow({ where: { id: jobId }, include: { contact: true, lead: true } });
    expect(job).toMatchObject({
      studioId,
      brandId: mine.brands[1].id,
      contactId,
      title: "Nguyen Wedding",
      type: "wedding",
      status: "LEAD",
    });
    expect(job.date?.toISOString().slice(0, 10)).toBe("2027-09-18");
    expect(job.contact).toMatchObject({
      studioId,
      name: "Grace Nguyen",
      email: "grace@example.com",
      phone: "555 0100",
    });
    expect(job.lead?.id).toBe(lead.id);
  });

  it("refuses to convert the same lead twice", async () => {
    const { mine, studioId } = await twoStudios();
    const lead = await createLeadRow(db(), { studioId });
    const input = convertLeadSchema.parse({
      leadId: lead.id,
      title: "Job",
      type: "portrait",
      date: "",
      brandId: mine.brands[0].id,
    });
    await inTx((tx) => convertLeadToJob(tx, { studioId, input }));
    await expect(inTx((tx) => convertLeadToJob(tx, { studioId, input }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This lead is already a job.",
    });
    expect(await db().job.count({ where: { studioId } })).toBe(1);
  });

  it("treats another studio's lead or brand as missing and creates nothing", async () => {
    const { mine, theirs, studioId } = await twoStudios();
    const theirLead = await createLeadRow(db(), { studioId: theirs.studio.id });
    const myLead = await createLeadRow(db(), { studioId });
    const stolenLead = convertLeadSchema.parse({
      leadId: theirLead.id,
      title: "Job",
      type: "event",
      brandId: mine.brands[0].id,
    });
    await expect(inTx((tx) => convertLeadToJob(tx, { studioId, input: stolenLead }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const stolenBrand = convertLeadSchema.parse({
      leadId: myLead.id,
      title: "Job",
      type: "event",
      brandId: theirs.brands[0].id,
    });
    await expect(inTx((tx) => convertLeadToJob(tx, { studioId, input: stolenBrand }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().job.count({ where: { studioId: { in: [studioId, theirs.studio.id] } } })).toBe(0);
    expect(await db().contact.count({ where: { studioId: { in: [studioId, theirs.studio.id] } } })).toBe(0);
    expect((await db().lead.findUniqueOrThrow({ where: { id: theirLead.id } })).jobId).toBeNull();
  });

  it("asks for a title, a type and a brand", () => {
    expect(
      fieldErrors(convertLeadSchema.safeParse({ leadId: "x", title: "", type: "", brandId: "", date: "soon" })),
    ).toEqual({
      title: ["Enter a title."],
      type: ["Enter a type, such as wedding or portrait."],
      brandId: ["Choose a brand."],
      date: ["Enter a real date as YYYY-MM-DD."],
    });
  });
});

describe("findLeadPage", () => {
  it("pages 25 at a time through search, stage and brand filters in every sort, and back again", async () => {
    const { mine, studioId } = await twoStudios();
    const base = Date.UTC(2026, 0, 1);
    await db().lead.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        studioId,
        brandId: mine.brands[i % 2].id,
        name: i % 3 === 0 ? `Harper Match ${i}` : `Other Person ${i}`,
        email: `p${i}@example.com`,
        eventType: "wedding",
        eventDate: i % 4 === 0 ? null : new Date(Date.UTC(2027, 0, 1 + (i % 10))),
        status: i % 5 === 0 ? ("LOST" as const) : ("NEW" as const),
        createdAt: new Date(base + i * 60_000),
      })),
    });
    const read = dbForHost("primary");
    const walk = async (filter: Parameters<typeof findLeadPage>[1]) => {
      const seen: string[] = [];
      let page = await findLeadPage(read, filter);
      const pages = [page];
      seen.push(...page.rows.map((r) => r.id));
      while (page.next) {
        page = await findLeadPage(read, { ...filter, after: page.next });
        pages.push(page);
        seen.push(...page.rows.map((r) => r.id));
      }
      // Walking back from the last page returns the same pages in reverse.
      for (let i = pages.length - 1; i > 0; i--) {
        const back = await findLeadPage(read, { ...filter, before: pages[i].prev });
        expect(back.rows.map((r) => r.id)).toEqual(pages[i - 1].rows.map((r) => r.id));
      }
      return { seen, pages };
    };

    const newest = await walk({ studioId, sort: "newest", status: "all" });
    expect(newest.pages.map((p) => p.rows.length)).toEqual([25, 25, 10]);
    expect(new Set(newest.seen).size).toBe(60);
    expect(newest.pages[0].prev).toBeUndefined();

    const byDate = await walk({ studioId, sort: "event-date", status: "all" });
    expect(new Set(byDate.seen).size).toBe(60);
    const rows = await db().lead.findMany({
      where: { id: { in: byDate.seen } },
      select: { id: true, eventDate: true },
    });
    const dates = byDate.seen.map((id) => rows.find((r) => r.id === id)!.eventDate?.getTime() ?? Infinity);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));

    const searched = await walk({ studioId, sort: "oldest", q: "harper MATCH", status: "all" });
    expect(searched.seen).toHaveLength(20);
    const filtered = await walk({ studioId, sort: "newest", status: "LOST", brandId: mine.brands[0].id });
    expect(filtered.seen).toHaveLength(6);
  });

  it("never shows another studio's leads", async () => {
    const { theirs, studioId } = await twoStudios();
    await createLeadRow(db(), { studioId: theirs.studio.id, name: "Secret Client" });
    const page = await findLeadPage(dbForHost("primary"), { studioId, sort: "newest", q: "Secret" });
    expect(page.rows).toEqual([]);
  });
});
