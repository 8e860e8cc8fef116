import { type Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import yauzl from "yauzl";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { dayKeyOf } from "@/lib/calendar/zoned";
import { findContactPage } from "@/lib/contacts/queries";
import { contactListParams } from "@/lib/contacts/schemas";
import { findUpcomingShootPage } from "@/lib/events/queries";
import { type ExportContext, neutralizeCell } from "@/lib/exports/csv";
import { EXPORT_LISTS, type ExportName } from "@/lib/exports/lists";
import { createInvoice, sendInvoice } from "@/lib/invoices/mutations";
import { findInvoicePage } from "@/lib/invoices/queries";
import { createInvoiceSchema, invoiceListParams, recordPaymentSchema } from "@/lib/invoices/schemas";
import { findJobPage } from "@/lib/jobs/queries";
import { jobListParams } from "@/lib/jobs/schemas";
import { findLeadPage } from "@/lib/leads/queries";
import { leadListParams } from "@/lib/leads/schemas";
import { formatDecimal } from "@/lib/money";
import { recordPayment } from "@/lib/payments/mutations";
import { findPaymentPage } from "@/lib/payments/queries";
import { type KeysetPage } from "@/lib/pagination";
import { type SearchParams } from "@/lib/search-params";
import { findOpenTaskPage } from "@/lib/workflows/queries";
import {
  createEvent,
  createJob,
  createLead,
  createStaff,
  createStudio,
  createTask,
  dateOnly,
} from "@/prisma/factories";
import { type Studio } from "@/prisma/generated/prisma/client";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

const db = () => primaryDb();
const read = () => dbForHost("primary");
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { timeout: 20_000 });
const USD = { currency: "USD", locale: "en-US" };
const DAY = 86_400_000;

const contextOf = (studio: Studio, extra: Partial<ExportContext> = {}): ExportContext => ({
  studioId: studio.id,
  studioSlug: studio.slug,
  timeZone: studio.timeZone,
  currency: studio.currency,
  now: new Date(),
  ...extra,
});

async function textOf(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** The CSV's rows as objects keyed by header; the file starts with a BOM for spreadsheet apps. */
function rowsOf(text: string): Record<string, string>[] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

async function exported(list: ExportName, context: ExportContext, search?: SearchParams) {
  return rowsOf(await textOf(EXPORT_LISTS[list].csv(read(), context, search)));
}

/** Every page of a list, 25 at a time, as a person clicking Next would read them. */
async function everyPage<Row>(readPage: (after?: string) => Promise<KeysetPage<Row>>): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  do {
    const page = await readPage(after);
    rows.push(...page.rows);
    after = page.next;
  } while (after);
  return rows;
}

async function invoiceWithPayment(studioId: string, ownerId: string, jobId: string, price: string, paid?: string) {
  const input = createInvoiceSchema.parse({
    jobId,
    title: "Wedding coverage",
    description: ["Coverage"],
    unitPrice: [price],
    ...USD,
  });
  const { id } = await inTx((tx) => createInvoice(tx, { studioId, input }));
  await inTx((tx) => sendInvoice(tx, { studioId, invoiceId: id, email: "if-possible" }));
  if (paid) {
    const payment = recordPaymentSchema.parse({
      invoiceId: id,
      method: "CHECK",
      amount: paid,
      // Yesterday wherever the studio is: never in its future.
      receivedOn: dayKeyOf(new Date(Date.now() - 2 * DAY), "UTC"),
      reference: "1042",
      ...USD,
    });
    await inTx((tx) => recordPayment(tx, { studioId, userId: ownerId, input: payment }));
  }
  return id;
}

describe("a list's CSV is what its pages list", () => {
  it("the leads CSV holds every page of the filtered list, in order, across the export's batches", async () => {
    const { studio, brands } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    const base = Date.parse("2027-01-01T12:00:00Z");
    // More than one export batch (500) of one filter, so the batches' seams are crossed.
    await db().lead.createMany({
      data: Array.from({ length: 560 }, (_, i) => ({
        studioId: studio.id,
        brandId: brands[i % 2].id,
        name: `Lead ${String(i).padStart(3, "0")}`,
        email: `lead${i}@example.com`,
        eventType: "wedding",
        eventDate: i % 4 === 0 ? null : dateOnly(new Date(base + (i % 50) * DAY)),
        status: i % 7 === 0 ? "LOST" : "NEW",
        createdAt: new Date(base + (i % 90) * 60_000),
      })),
    });
    await createLead(db(), { studioId: studio.id, name: `Other ${studio.id}` });
    const other = await createStudio(db());
    await createLead(db(), { studioId: other.studio.id, name: "Lead 001 of another studio" });

    const cases: { search: SearchParams; brandId?: string }[] = [
      { search: {} },
      { search: { status: "all", sort: "event-date" } },
      { search: { status: "LOST", sort: "oldest" } },
      { search: { q: "lead 01" } },
      { search: { status: "all" }, brandId: brands[1].id },
      // The page's own cursor is not the export's: the file starts from the first page.
      { search: { status: "all", after: "not-a-cursor" } },
    ];
    for (const { search, brandId } of cases) {
      const params = leadListParams.parse(search);
      const listed = await everyPage((after) =>
        findLeadPage(read(), { studioId: studio.id, brandId, ...params, after, before: undefined }),
      );
      const rows = await exported("leads", contextOf(studio, { brandId }), search);
      expect(rows.length, JSON.stringify(search)).toBe(listed.length);
      expect(rows.map((r) => r.Name)).toEqual(listed.map((l) => l.name));
      expect(rows.map((r) => r.Email)).toEqual(listed.map((l) => l.email));
      expect(rows.some((r) => r.Name.includes("another studio"))).toBe(false);
    }
    expect((await exported("leads", contextOf(studio), { status: "all" })).length).toBe(561);
  }, 120_000);

  it("clients, jobs, invoices, payments, tasks and shoots export every row their pages list for the same filters", async () => {
    const { studio, owner } = await createStudio(db());
    const studioId = studio.id;
    const now = Date.now();
    const jobs = [];
    for (let i = 0; i < 32; i++) {
      jobs.push(
        await createJob(db(), {
          studioId,
          title: `Job ${i}`,
          date: i % 3 === 0 ? null : dateOnly(new Date(now + (i % 2 ? 1 : -1) * (i + 2) * DAY)),
          status: i % 5 === 0 ? "COMPLETED" : "BOOKED",
          contact: { name: `Client ${i % 2 ? "Park" : "Reyes"} ${i}`, email: `client${i}.${studioId}@example.com` },
        }),
      );
    }
    for (const [i, job] of jobs.slice(0, 28).entries()) {
      await createEvent(db(), { studioId, jobId: job.id, name: `Shoot ${i}`, startsAt: new Date(now + (i + 1) * DAY) });
      await createTask(db(), { studioId, jobId: job.id, name: `Task ${i}`, dueAt: new Date(now + (i - 5) * DAY) });
    }
    for (const [i, job] of jobs.slice(0, 4).entries()) {
      // Two unpaid, one partly paid, one paid in full.
      await invoiceWithPayment(studioId, owner.id, job.id, `${100 + i}`, [undefined, "50", undefined, "103"][i]);
    }
    const other = await createStudio(db());
    const otherJob = await createJob(db(), { studioId: other.studio.id, title: "Job of another studio" });
    await createEvent(db(), { studioId: other.studio.id, jobId: otherJob.id, name: "Shoot of another studio" });

    const context = contextOf(studio);
    const todayKey = dayKeyOf(new Date(context.now), studio.timeZone);
    const checks: { list: ExportName; search: SearchParams; column: string; listed: () => Promise<string[]> }[] = [
      {
        list: "clients",
        search: { q: "park" },
        column: "Name",
        listed: async () =>
          (
            await everyPage((after) =>
              findContactPage(read(), { studioId, ...contactListParams.parse({ q: "park" }), after }),
            )
          ).map((c) => c.name),
      },
      ...(["upcoming", "past", "unscheduled"] as const).map((view) => ({
        list: "jobs" as const,
        search: { view, status: "BOOKED" },
        column: "Job",
        listed: async () =>
          (
            await everyPage((after) =>
              findJobPage(read(), { studioId, todayKey, ...jobListParams.parse({ view, status: "BOOKED" }), after }),
            )
          ).map((j) => j.title),
      })),
      ...(["all", "due", "paid"] as const).map((view) => ({
        list: "invoices" as const,
        search: { view },
        column: "Title",
        listed: async () =>
          (
            await everyPage((after) =>
              findInvoicePage(read(), { studioId, ...invoiceListParams.parse({ view }), after }),
            )
          ).map((i) => i.title),
      })),
      {
        list: "payments",
        search: {},
        column: "Reference",
        listed: async () =>
          (await everyPage((after) => findPaymentPage(read(), { studioId, after }))).map((p) => p.reference ?? ""),
      },
      {
        list: "tasks",
        search: {},
        column: "Job",
        listed: async () =>
          (
            await everyPage((after) =>
              findOpenTaskPage(read(), { studioId, now: context.now, timeZone: studio.timeZone, after }),
            )
          ).map((t) => t.jobTitle),
      },
      {
        list: "events",
        search: {},
        column: "Shoot",
        listed: async () =>
          (await everyPage((after) => findUpcomingShootPage(read(), { studioId, from: context.now, after }))).map(
            (e) => e.name,
          ),
      },
    ];
    for (const { list, search, column, listed } of checks) {
      const expected = await listed();
      const rows = await exported(list, context, search);
      expect(expected.length, `${list} ${JSON.stringify(search)} has rows`).toBeGreaterThan(0);
      expect(
        rows.map((r) => r[column]),
        `${list} ${JSON.stringify(search)}`,
      ).toEqual(expected);
    }
    // More than a page (25) of each, and nothing of the other studio.
    expect((await exported("tasks", context)).length).toBe(28);
    expect((await exported("events", context)).length).toBe(28);
    expect((await exported("payments", context)).length).toBe(2);
    expect(JSON.stringify(await exported("jobs", context))).not.toContain("another studio");
  }, 120_000);
});

describe("what a spreadsheet makes of the cells", () => {
  it("cells that would run as formulas start with an apostrophe; plain numbers stay numbers", async () => {
    const { studio } = await createStudio(db());
    const payloads = [
      '=HYPERLINK("http://evil.example","Click")',
      "+1+1",
      "-2+3",
      "@SUM(A1:A9)",
      "\tTabbed",
      "\rReturn",
    ];
    for (const [i, name] of payloads.entries()) {
      await createLead(db(), {
        studioId: studio.id,
        name,
        eventType: "=cmd|' /C calc'!A0",
        createdAt: new Date(Date.now() - i * 1000),
      });
    }
    const rows = await exported("leads", contextOf(studio), { status: "all" });
    expect(rows.map((r) => r.Name)).toEqual(payloads.map((p) => `'${p}`));
    expect(new Set(rows.map((r) => r["Event type"]))).toEqual(new Set(["'=cmd|' /C calc'!A0"]));
    expect(neutralizeCell("-25.00")).toBe("-25.00");
    expect(neutralizeCell("Jane -25")).toBe("Jane -25");
    expect(neutralizeCell("-25 off")).toBe("'-25 off");
  });

  it("dates are ISO 8601 in the studio's zone with its offset, amounts decimals with their currency", async () => {
    const { studio, owner } = await createStudio(db(), { timeZone: "America/Los_Angeles" });
    await createLead(db(), {
      studioId: studio.id,
      name: "Winter inquiry",
      eventDate: dateOnly(new Date("2027-09-04T00:00:00Z")),
      createdAt: new Date("2027-01-15T18:00:00Z"),
    });
    await createLead(db(), {
      studioId: studio.id,
      name: "Summer inquiry",
      createdAt: new Date("2027-07-15T18:00:00Z"),
    });
    const rows = await exported("leads", contextOf(studio), { status: "all", sort: "oldest" });
    expect(rows.map((r) => [r.Name, r.Received])).toEqual([
      ["Winter inquiry", "2027-01-15T10:00:00-08:00"],
      ["Summer inquiry", "2027-07-15T11:00:00-07:00"],
    ]);
    expect(rows[0]["Event date"]).toBe("2027-09-04");

    const job = await createJob(db(), { studioId: studio.id, contact: { email: `pay.${studio.id}@example.com` } });
    await invoiceWithPayment(studio.id, owner.id, job.id, "1234.56", "200");
    const [invoice] = await exported("invoices", contextOf(studio));
    expect([invoice.Total, invoice.Paid, invoice.Balance, invoice.Currency]).toEqual([
      "1234.56",
      "200.00",
      "1034.56",
      "USD",
    ]);
    const [payment] = await exported("payments", contextOf(studio));
    expect([payment.Amount, payment.Currency, payment.Kind, payment.Method]).toEqual([
      "200.00",
      "USD",
      "Payment",
      "Check",
    ]);
    expect(payment.Received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]:00$/);
    expect(formatDecimal(1250, "JPY")).toBe("1250");
    expect(formatDecimal(-5, "USD")).toBe("-0.05");
  });
});

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          textOf(stream).then((text) => {
            files.set(entry.fileName, text);
            zip.readEntry();
          }, reject);
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

describe("downloads", () => {
  const { primaryUrl } = inject("database");
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ primaryUrl, replicaUrls: [] });
  });
  afterAll(() => app?.stop());

  it("each studio downloads its own rows only; strangers are sent to sign in; staff export lists but not everything", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db());
    const { user: staff, password: staffPassword } = await createStaff(db(), a.studio.id);
    await createLead(db(), { studioId: a.studio.id, name: `Mine ${a.studio.id}` });
    await createLead(db(), { studioId: b.studio.id, name: `Theirs ${b.studio.id}` });

    const owner = new HttpSession(app.url);
    await owner.signIn(a.owner.email, a.password);
    const res = await owner.fetch("/exports/leads?status=all");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const today = dayKeyOf(new Date(), a.studio.timeZone);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${a.studio.slug}-leads-${today}.csv"`);
    const mine = await res.text();
    expect(mine).toContain(`Mine ${a.studio.id}`);
    expect(mine).not.toContain(b.studio.id);

    const theirs = new HttpSession(app.url);
    await theirs.signIn(b.owner.email, b.password);
    const theirText = await (await theirs.fetch("/exports/leads?status=all")).text();
    expect(theirText).toContain(`Theirs ${b.studio.id}`);
    expect(theirText).not.toContain(a.studio.id);

    const stranger = await new HttpSession(app.url).fetch("/exports/leads");
    expect(stranger.status).toBe(307);
    expect(stranger.headers.get("location")).toContain("/sign-in");

    const staffSession = new HttpSession(app.url);
    await staffSession.signIn(staff.email, staffPassword);
    expect(await (await staffSession.fetch("/exports/leads?status=all")).text()).toContain(`Mine ${a.studio.id}`);
    expect((await staffSession.fetch("/exports/everything")).status).toBe(404);
  });

  it("Export everything is one ZIP of every list's CSV with its rows and a README of the columns", async () => {
    const { studio, owner, password } = await createStudio(db(), { brands: ["Weddings", "Portraits"] });
    const studioId = studio.id;
    for (let i = 0; i < 30; i++) await createLead(db(), { studioId, status: i % 3 ? "NEW" : "BOOKED" });
    const job = await createJob(db(), { studioId, contact: { email: `zip.${studioId}@example.com` } });
    await createJob(db(), { studioId, date: null });
    await createEvent(db(), { studioId, jobId: job.id, startsAt: new Date(Date.now() + 3 * DAY) });
    await createTask(db(), { studioId, jobId: job.id });
    await invoiceWithPayment(studioId, owner.id, job.id, "300", "100");
    const other = await createStudio(db());
    const otherJob = await createJob(db(), {
      studioId: other.studio.id,
      contact: { name: `Client ${other.studio.id}` },
    });
    await createLead(db(), { studioId: other.studio.id, name: `Lead ${other.studio.id}` });
    await createEvent(db(), { studioId: other.studio.id, jobId: otherJob.id, startsAt: new Date(Date.now() + DAY) });

    const session = new HttpSession(app.url);
    await session.signIn(owner.email, password);
    const res = await session.fetch("/exports/everything");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="${studio.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.zip"$`),
    );
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(
      ["README.txt", ...Object.keys(EXPORT_LISTS).map((name) => `${name}.csv`)].sort(),
    );
    const count = (name: string) => rowsOf(files.get(`${name}.csv`)!).length;
    expect(count("leads")).toBe(await db().lead.count({ where: { studioId } }));
    expect(count("clients")).toBe(await db().contact.count({ where: { studioId } }));
    expect(count("jobs")).toBe(2);
    expect(count("invoices")).toBe(1);
    expect(count("payments")).toBe(1);
    expect(count("tasks")).toBe(1);
    expect(count("events")).toBe(1);
    for (const [name, text] of files)
      expect(text, `${name} leaks another studio's rows`).not.toContain(other.studio.id);
    const readme = files.get("README.txt")!;
    for (const list of Object.values(EXPORT_LISTS)) {
      expect(readme).toContain(`${list.name}.csv`);
      const header = Object.keys(rowsOf(files.get(`${list.name}.csv`)!)[0]);
      expect(header).toEqual(list.columns.map((c) => c.header));
      for (const column of list.columns) expect(readme).toContain(`  ${column.header}: ${column.about}`);
    }
  });
});
