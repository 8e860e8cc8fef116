import { type Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EXPORT_LISTS } from "@/lib/exports/lists";
import { type ExportContext } from "@/lib/exports/csv";
import { guessMapping } from "@/lib/imports/fields";
import { createImport, dryRunImport, startImport, undoImport } from "@/lib/imports/mutations";
import { findImport } from "@/lib/imports/queries";
import { summarizeImport } from "@/lib/imports/summary";
import { startImportWorker } from "@/lib/imports/worker";
import { createContact, createJob, createStudio } from "@/prisma/factories";
import { type ImportKind } from "@/prisma/generated/prisma/enums";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { until } from "@/scripts/testing/until";

const db = () => primaryDb();
const read = () => dbForHost("primary");
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 60_000 });
let scratch: ScratchDatabase;

beforeAll(async () => {
  // The import worker takes every import job of its database: this file gets a database of its own.
  scratch = await createScratchDatabase(inject("database"), { prefix: "imports", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
});

afterAll(async () => {
  await db().$disconnect();
  await scratch?.drop();
});

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));

function upload(studioId: string, kind: ImportKind, bytes: Uint8Array, fileName = "clients.csv") {
  return inTx((tx) => createImport(tx, { studioId, kind, fileName, bytes }));
}

async function mappingOf(studioId: string, importId: string) {
  return (await findImport(read(), { studioId, importId }))!.mapping;
}

async function uploadError(bytes: Uint8Array): Promise<string> {
  const { studio } = await createStudio(db());
  const error = await upload(studio.id, "CLIENTS", bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors.file[0];
}

const clientsOf = (studioId: string) =>
  db().contact.findMany({
    where: { studioId },
    orderBy: { name: "asc" },
    select: { name: true, email: true, phone: true },
  });

describe("header guessing", () => {
  it("maps a HoneyBook export: first and last name, email, phone, project type and date, lead source", () => {
    const header = [
      "First Name",
      "Last Name",
      "Email",
      "Phone",
      "Project Type",
      "Project Date",
      "Lead Source",
      "Company",
    ];
    expect(guessMapping("LEADS", header)).toEqual([
      "firstName",
      "lastName",
      "email",
      "phone",
      "eventType",
      "eventDate",
      "source",
      "",
    ]);
  });

  it("maps a Dubsado export with its Client-prefixed names and a start date", () => {
    const header = [
      "Client First Name",
      "Client Last Name",
      "Client Email",
      "Phone Number",
      "Project Start Date",
      "Address",
    ];
    expect(guessMapping("LEADS", header)).toEqual(["firstName", "lastName", "email", "phone", "eventDate", ""]);
    expect(guessMapping("CLIENTS", header)).toEqual(["firstName", "lastName", "email", "phone", "", "address"]);
  });

  it("maps a plain spreadsheet, whatever its spacing and case, and never one field to two columns", () => {
    const header = ["Full name", "E-mail address", "EMAIL", "phone number", "event_date", "Notes"];
    expect(guessMapping("CLIENTS", header)).toEqual(["name", "", "email", "phone", "", "notes"]);
    expect(guessMapping("LEADS", header)).toEqual(["name", "", "email", "phone", "eventDate", "message"]);
  });
});

describe("importing clients", () => {
  it("matches an existing client whose email differs only in case and spaces, and says what it skipped", async () => {
    const { studio } = await createStudio(db());
    await createContact(db(), {
      studioId: studio.id,
      name: "Omar Haddad",
      email: "omar.haddad@example.com",
      phone: null,
    });
    const { id } = await upload(
      studio.id,
      "CLIENTS",
      csv(
        "First Name,Last Name,Email Address,Phone Number",
        "Maya,Lindgren,maya@example.com,555 0101",
        'Omar,Haddad,"  OMAR.Haddad@Example.COM ",555 0102',
        "Ines,Duarte,ines@example.com,",
        "Noor,Khalil,,555 0104",
        "Lea,Ng,not-an-address,",
      ),
    );
    const result = await inTx((tx) =>
      startImport(tx, { studioId: studio.id, importId: id, mapping: ["firstName", "lastName", "email", "phone"] }),
    );
    expect(summarizeImport("CLIENTS", result.tally!)).toBe(
      "2 created, 1 matched, 2 skipped: row 5 has no email; row 6: email: Enter a valid email address.",
    );
    expect(await clientsOf(studio.id)).toEqual([
      { name: "Ines Duarte", email: "ines@example.com", phone: null },
      { name: "Maya Lindgren", email: "maya@example.com", phone: "555 0101" },
      // The existing client is not renamed; the phone they lacked is filled in.
      { name: "Omar Haddad", email: "omar.haddad@example.com", phone: "555 0102" },
    ]);
    const stored = await findImport(read(), { studioId: studio.id, importId: id });
    expect(stored).toMatchObject({ status: "DONE", createdCount: 2, matchedCount: 1, skippedCount: 2 });
    expect(stored!.skips).toEqual([
      { row: 5, reason: "row 5 has no email" },
      { row: 6, reason: "row 6: email: Enter a valid email address." },
    ]);
  });

  it("a dry run reports what the import will do and writes nothing", async () => {
    const { studio } = await createStudio(db());
    await createContact(db(), { studioId: studio.id, name: "Omar Haddad", email: "omar@example.com" });
    const { id } = await upload(
      studio.id,
      "CLIENTS",
      csv("Name,Email", "Maya Lindgren,maya@example.com", "Omar,OMAR@example.com", "Noor,"),
    );
    const mapping = await mappingOf(studio.id, id);
    const before = await clientsOf(studio.id);
    const dry = await inTx((tx) => dryRunImport(tx, { studioId: studio.id, importId: id, mapping }));
    expect(summarizeImport("CLIENTS", dry.tally!)).toBe("1 created, 1 matched, 1 skipped: row 4 has no email");
    expect(await clientsOf(studio.id)).toEqual(before);
    expect(await db().contact.count({ where: { importId: id } })).toBe(0);
    const stored = await findImport(read(), { studioId: studio.id, importId: id });
    expect(stored).toMatchObject({ status: "READY", createdCount: 0, dryRun: { created: 1, matched: 1, skipped: 1 } });
    // The import that follows does what the dry run said.
    const real = await inTx((tx) => startImport(tx, { studioId: studio.id, importId: id, mapping }));
    expect({ ...real.tally }).toEqual({ ...dry.tally });
  });

  it("undo removes the clients it created, keeps the matched ones and a created client who has since got a job", async () => {
    const { studio } = await createStudio(db());
    await createContact(db(), { studioId: studio.id, name: "Omar Haddad", email: "omar@example.com" });
    const { id } = await upload(
      studio.id,
      "CLIENTS",
      csv(
        "Name,Email",
        "Maya Lindgren,maya@example.com",
        "Omar Haddad,omar@example.com",
        "Ines Duarte,ines@example.com",
      ),
    );
    await inTx((tx) => startImport(tx, { studioId: studio.id, importId: id, mapping: ["name", "email"] }));
    const ines = await db().contact.findFirstOrThrow({ where: { studioId: studio.id, email: "ines@example.com" } });
    await createJob(db(), { studioId: studio.id, contactId: ines.id, title: "Ines's wedding" });
    const undo = await inTx((tx) => undoImport(tx, { studioId: studio.id, importId: id }));
    expect(undo).toEqual({ removedClients: 1, removedLeads: 0, keptClients: 1, keptLeads: 0 });
    expect((await clientsOf(studio.id)).map((c) => c.name)).toEqual(["Ines Duarte", "Omar Haddad"]);
    expect(await findImport(read(), { studioId: studio.id, importId: id })).toMatchObject({ status: "UNDONE" });
    const again = await inTx((tx) => undoImport(tx, { studioId: studio.id, importId: id })).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "CONFLICT", message: "This import was already undone." });
  });

  it("exported clients of one studio imported into an empty studio are the same clients", async () => {
    const source = await createStudio(db());
    await createContact(db(), {
      studioId: source.studio.id,
      name: "Maya Lindgren",
      email: "maya@example.com",
      phone: "+1 555 0101",
    });
    await createContact(db(), {
      studioId: source.studio.id,
      name: '=Omar, "the" Haddad',
      email: "omar@example.com",
      phone: null,
    });
    await createContact(db(), {
      studioId: source.studio.id,
      name: "Åsa Ékström",
      email: "asa@example.com",
      phone: "555 0103",
    });
    const context: ExportContext = {
      studioId: source.studio.id,
      studioSlug: source.studio.slug,
      timeZone: source.studio.timeZone,
      currency: source.studio.currency,
      now: new Date(),
    };
    const chunks: Buffer[] = [];
    for await (const chunk of EXPORT_LISTS.clients.csv(dbForHost("primary"), context) as Readable)
      chunks.push(Buffer.from(chunk as Buffer));
    const target = await createStudio(db());
    const { id } = await upload(target.studio.id, "CLIENTS", new Uint8Array(Buffer.concat(chunks)), "export.csv");
    const mapping = await mappingOf(target.studio.id, id);
    expect(mapping).toEqual(["name", "email", "phone", "", "", ""]);
    const result = await inTx((tx) => startImport(tx, { studioId: target.studio.id, importId: id, mapping }));
    expect(result.tally).toMatchObject({ created: 3, matched: 0, skipped: 0 });
    expect(await clientsOf(target.studio.id)).toEqual(await clientsOf(source.studio.id));
  });
});

describe("importing leads", () => {
  it("creates leads through the lead mutation (client matched by email), reads US dates and skips a bad one, and emails nobody", async () => {
    const { studio } = await createStudio(db());
    await createContact(db(), { studioId: studio.id, name: "Omar Haddad", email: "omar@example.com" });
    const { id } = await upload(
      studio.id,
      "LEADS",
      csv(
        "First Name,Last Name,Email,Project Type,Project Date,Lead Source",
        "Maya,Lindgren,maya@example.com,Wedding,06/12/2027,Instagram",
        "Omar,Haddad,Omar@Example.com,Portrait,2027-07-01,",
        "Ines,Duarte,ines@example.com,,13/45/2027,",
      ),
      "honeybook-leads.csv",
    );
    const mapping = await mappingOf(studio.id, id);
    const result = await inTx((tx) => startImport(tx, { studioId: studio.id, importId: id, mapping }));
    expect(summarizeImport("LEADS", result.tally!)).toBe(
      "2 leads created, 1 matched to an existing client, 1 skipped: row 4 has an event date that is not a date (13/45/2027)",
    );
    const leads = await db().lead.findMany({
      where: { studioId: studio.id },
      orderBy: { name: "asc" },
      select: {
        name: true,
        eventType: true,
        eventDate: true,
        source: true,
        importId: true,
        contact: { select: { name: true } },
      },
    });
    expect(leads).toEqual([
      {
        name: "Maya Lindgren",
        eventType: "wedding",
        eventDate: new Date("2027-06-12T00:00:00Z"),
        source: "Instagram",
        importId: id,
        contact: { name: "Maya Lindgren" },
      },
      {
        name: "Omar Haddad",
        eventType: "portrait",
        eventDate: new Date("2027-07-01T00:00:00Z"),
        source: "import",
        importId: id,
        contact: { name: "Omar Haddad" },
      },
    ]);
    expect(await db().emailMessage.count({ where: { studioId: studio.id } })).toBe(0);
    const undo = await inTx((tx) => undoImport(tx, { studioId: studio.id, importId: id }));
    expect(undo).toEqual({ removedClients: 1, removedLeads: 2, keptClients: 0, keptLeads: 0 });
    expect((await clientsOf(studio.id)).map((c) => c.name)).toEqual(["Omar Haddad"]);
  });
});

describe("malformed files", () => {
  it("names the row of an unclosed quote, of a wrong column count, of bytes that are not UTF-8, and refuses an empty file", async () => {
    expect(
      await uploadError(csv("Name,Email", "Maya,maya@example.com", '"Omar,omar@example.com', "Ines,ines@example.com")),
    ).toBe('Row 3 opens a quoted value (") that is never closed. Nothing was imported.');
    expect(
      await uploadError(
        csv("Name,Email", "Maya,maya@example.com", "Ines,ines@example.com", "Omar,omar@example.com,extra"),
      ),
    ).toBe("Row 4 has a different number of columns than the header row. Nothing was imported.");
    const latin1 = new Uint8Array([
      ...csv("Name,Email", "Maya,maya@example.com", ""),
      0x41,
      0x73,
      0xe5,
      0x2c,
      0x61,
      0x40,
      0x62,
      0x2e,
      0x63,
    ]);
    expect(await uploadError(latin1)).toMatch(/^Line 3 is not UTF-8 text\./);
    expect(await uploadError(new Uint8Array())).toBe("The file is empty. Nothing was imported.");
    expect(await uploadError(csv("Name,Email"))).toBe(
      "The file has a header row but no rows under it. Nothing was imported.",
    );
  });
});

describe("tenancy", () => {
  it("another studio's import is not found by its page query nor by any step, and stays as it was", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db());
    const { id } = await upload(b.studio.id, "CLIENTS", csv("Name,Email", "Maya,maya@example.com"));
    expect(await findImport(read(), { studioId: a.studio.id, importId: id })).toBeNull();
    const steps: ((tx: Tx) => Promise<unknown>)[] = [
      (tx: Tx) => dryRunImport(tx, { studioId: a.studio.id, importId: id, mapping: ["name", "email"] }),
      (tx: Tx) => startImport(tx, { studioId: a.studio.id, importId: id, mapping: ["name", "email"] }),
      (tx: Tx) => undoImport(tx, { studioId: a.studio.id, importId: id }),
    ];
    for (const step of steps) expect(await inTx(step).catch((e: unknown) => e)).toMatchObject({ code: "NOT_FOUND" });
    expect(await findImport(read(), { studioId: b.studio.id, importId: id })).toMatchObject({
      status: "READY",
      dryRun: null,
    });
    expect(await db().contact.count({ where: { studioId: { in: [a.studio.id, b.studio.id] } } })).toBe(0);
  });
});

describe("a large file", () => {
  it("is imported by the worker in batches, its progress stored on the import until it reaches every row", async () => {
    const { studio } = await createStudio(db());
    const existing = await createContact(db(), {
      studioId: studio.id,
      name: "Client 17",
      email: "client17@example.com",
    });
    const lines = ["Name,Email,Phone"];
    for (let i = 1; i <= 5000; i++) lines.push(`Client ${i},${i === 42 ? "" : `CLIENT${i}@example.com`},555 ${i}`);
    const { id } = await upload(studio.id, "CLIENTS", csv(...lines), "big.csv");
    const mapping = await mappingOf(studio.id, id);
    const queued = await inTx((tx) => startImport(tx, { studioId: studio.id, importId: id, mapping }));
    expect(queued.tally).toBeNull();
    expect(await findImport(read(), { studioId: studio.id, importId: id })).toMatchObject({ status: "QUEUED" });

    const worker = await startImportWorker({ databaseUrl: scratch.url, batchRows: 250, log: () => {} });
    const seen = new Set<number>();
    try {
      await until(
        "the import to finish",
        async () => {
          const now = await findImport(read(), { studioId: studio.id, importId: id });
          seen.add(now!.processedRows);
          return now!.status === "DONE";
        },
        240_000,
      );
    } finally {
      await worker.stop();
    }
    const done = await findImport(read(), { studioId: studio.id, importId: id });
    expect(done).toMatchObject({
      processedRows: 5000,
      rowCount: 5000,
      createdCount: 4998,
      matchedCount: 1,
      skippedCount: 1,
    });
    expect(done!.skips).toEqual([{ row: 43, reason: "row 43 has no email" }]);
    // The page saw it move: some batches in between, not only nothing and everything.
    expect([...seen].filter((n) => n > 0 && n < 5000).length).toBeGreaterThan(0);
    expect(await db().contact.count({ where: { studioId: studio.id } })).toBe(4999);
    expect(await db().contact.count({ where: { importId: id } })).toBe(4998);
    expect((await db().contact.findUniqueOrThrow({ where: { id: existing.id } })).importId).toBeNull();
  }, 300_000);
});
