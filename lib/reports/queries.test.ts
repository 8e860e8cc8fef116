import { beforeAll, describe, expect, it } from "vitest";
import { findBookingPage } from "@/lib/bookings/queries";
import { dbForHost, primaryDb } from "@/lib/db";
import { findInvoicePage } from "@/lib/invoices/queries";
import {
  canSeeReports,
  findBookingsByMonth,
  findBusiestShootTimes,
  findLeadFunnel,
  findResponseTimes,
  findRevenue,
  type ReportScope,
} from "@/lib/reports/queries";
import { createEvent, createJob, createLead, createStaff, createStudio } from "@/prisma/factories";
import { type BookingStatus, type InvoiceStatus } from "@/prisma/generated/prisma/client";

// One small studio in New York with two brands, and a neighbour whose rows must never count.
// Every expected number below is worked out by hand from the rows made here; instants are UTC,
// and the comments give the New York wall time that decides the month and the weekday.

const db = () => primaryDb();
const read = () => dbForHost("primary");
const at = (iso: string) => new Date(iso);
const TZ = "America/New_York";

type World = { studioId: string; weddings: string; portraits: string; otherBrand: string };
let w: World;
let scope: ReportScope;

async function book(
  studioId: string,
  jobId: string,
  { status, createdAt, items }: { status: BookingStatus; createdAt: Date; items: [number, number][] },
) {
  const proposal = await db().proposal.create({
    data: {
      studioId,
      jobId,
      title: "Collection",
      expiresAt: at("2027-01-01T00:00:00Z"),
      status: "ACCEPTED",
      items: {
        create: items.map(([quantity, unitPriceCents], position) => ({
          position,
          description: "Coverage",
          quantity,
          unitPriceCents,
        })),
      },
    },
  });
  return db().booking.create({ data: { studioId, jobId, proposalId: proposal.id, status, createdAt } });
}

let invoiceNumber = 0;
async function invoice(
  studioId: string,
  jobId: string,
  fields: { status: InvoiceStatus; totalMinor: number; paidMinor: number; overdueSince?: Date },
) {
  invoiceNumber += 1;
  return db().invoice.create({
    data: { studioId, jobId, number: invoiceNumber, title: "Wedding", currency: "USD", ...fields },
  });
}

async function email(studioId: string, to: string, createdAt: Date) {
  await db().emailMessage.create({ data: { studioId, kind: "client.message", to, subject: "Hello", createdAt } });
}

beforeAll(async () => {
  const { studio, brands } = await createStudio(db(), { timeZone: TZ, brands: ["Weddings", "Portraits"] });
  const [weddings, portraits] = brands.map((b) => b.id);
  const studioId = studio.id;
  const other = await createStudio(db(), { timeZone: TZ });
  w = { studioId, weddings, portraits, otherBrand: other.brands[0].id };
  scope = { studioId, from: "2026-01-01", to: "2026-03-31", timeZone: TZ };

  // Leads. L1 books; L2 got a proposal; L3 was contacted; L4 was lost; L5 (Portraits) and L7 are new.
  const j1 = await createJob(db(), { studioId, brandId: weddings, date: at("2026-06-20") });
  const lead = (fields: Parameters<typeof createLead>[1]) => createLead(db(), { brandId: weddings, ...fields });
  const l1 = await lead({
    studioId,
    email: "l1@example.com",
    status: "BOOKED",
    source: "website",
    jobId: j1.id,
    createdAt: at("2026-01-10T15:00:00Z"),
  });
  const l2 = await lead({
    studioId,
    email: "l2@example.com",
    status: "PROPOSAL_SENT",
    source: "website",
    createdAt: at("2026-02-05T12:00:00Z"),
  });
  const l3 = await lead({
    studioId,
    email: "l3@example.com",
    status: "CONTACTED",
    source: "referral",
    createdAt: at("2026-02-20T12:00:00Z"),
  });
  await lead({
    studioId,
    email: "l4@example.com",
    status: "LOST",
    source: "referral",
    createdAt: at("2026-03-01T12:00:00Z"),
  });
  const l5 = await lead({
    studioId,
    brandId: portraits,
    email: "l5@example.com",
    status: "NEW",
    source: "website",
    createdAt: at("2026-03-10T12:00:00Z"),
  });
  // 00:30 on 1 April in New York: outside. 23:30 on 31 March: inside.
  await lead({
    studioId,
    email: "l6@example.com",
    status: "BOOKED",
    source: "website",
    createdAt: at("2026-04-01T04:30:00Z"),
  });
  await lead({
    studioId,
    email: "l7@example.com",
    status: "NEW",
    source: "website",
    createdAt: at("2026-04-01T03:30:00Z"),
  });
  await createLead(db(), {
    studioId: other.studio.id,
    email: "l1@example.com",
    status: "BOOKED",
    source: "website",
    createdAt: at("2026-01-10T15:00:00Z"),
  });

  // First replies: 2 h, 4 h, 10 h and 6 h. An email before the inquiry and the neighbour's
  // email to the same address (after 1 h) are not replies.
  await email(studioId, l1.email, at("2026-01-10T17:00:00Z"));
  await db().emailMessage.create({
    data: {
      studioId,
      kind: "inquiry.auto-reply",
      to: l1.email,
      subject: "Thanks",
      createdAt: at("2026-01-10T15:00:01Z"),
    },
  });
  await email(studioId, l1.email, at("2026-01-11T17:00:00Z"));
  await email(other.studio.id, l1.email, at("2026-01-10T16:00:00Z"));
  await email(studioId, l2.email, at("2026-02-01T12:00:00Z"));
  await email(studioId, l2.email, at("2026-02-05T16:00:00Z"));
  await email(studioId, l3.email, at("2026-02-20T22:00:00Z"));
  await email(studioId, l5.email, at("2026-03-10T18:00:00Z"));

  // Bookings: January (10 days after L1's inquiry), 23:59 on 31 March (in), midnight 1 April
  // (out), one awaiting its retainer (not booked) and last January's.
  const j2 = await createJob(db(), { studioId, brandId: portraits });
  const j3 = await createJob(db(), { studioId, brandId: weddings });
  const j4 = await createJob(db(), { studioId, brandId: weddings });
  const j5 = await createJob(db(), { studioId, brandId: weddings });
  await book(studioId, j1.id, {
    status: "CONFIRMED",
    createdAt: at("2026-01-20T15:00:00Z"),
    items: [
      [2, 100_000],
      [1, 50_000],
    ],
  });
  await book(studioId, j2.id, {
    status: "PENDING_REVIEW",
    createdAt: at("2026-04-01T03:59:00Z"),
    items: [[1, 100_000]],
  });
  await book(studioId, j3.id, { status: "CONFIRMED", createdAt: at("2026-04-01T04:00:00Z"), items: [[1, 999]] });
  await book(studioId, j4.id, {
    status: "AWAITING_RETAINER",
    createdAt: at("2026-02-10T12:00:00Z"),
    items: [[1, 5_000]],
  });
  await book(studioId, j5.id, { status: "CONFIRMED", createdAt: at("2025-01-15T12:00:00Z"), items: [[1, 70_000]] });
  const otherJob = await createJob(db(), { studioId: other.studio.id });
  await book(other.studio.id, otherJob.id, {
    status: "CONFIRMED",
    createdAt: at("2026-01-20T15:00:00Z"),
    items: [[1, 1_000]],
  });

  // Money. I1 (Weddings): 1,000.00 paid in January, 1,500.00 overdue since February.
  // I2 (Portraits): 300.00 paid and 100.00 refunded in March, 800.00 due on 31 March.
  // I3 is void: its open installment is owed by nobody.
  const i1 = await invoice(studioId, j1.id, {
    status: "PARTIALLY_PAID",
    totalMinor: 250_000,
    paidMinor: 100_000,
    overdueSince: at("2026-02-16T12:00:00Z"),
  });
  const i2 = await invoice(studioId, j2.id, { status: "PARTIALLY_PAID", totalMinor: 100_000, paidMinor: 20_000 });
  const i3 = await invoice(studioId, j3.id, { status: "VOID", totalMinor: 40_000, paidMinor: 0 });
  await db().installment.createMany({
    data: [
      {
        studioId,
        invoiceId: i1.id,
        position: 0,
        label: "Retainer",
        amountMinor: 100_000,
        paidMinor: 100_000,
        dueOn: at("2026-01-20"),
        status: "PAID",
      },
      {
        studioId,
        invoiceId: i1.id,
        position: 1,
        label: "Balance",
        amountMinor: 150_000,
        dueOn: at("2026-02-15"),
        status: "OVERDUE",
      },
      {
        studioId,
        invoiceId: i2.id,
        position: 0,
        label: "Balance",
        amountMinor: 100_000,
        paidMinor: 20_000,
        dueOn: at("2026-03-31"),
        status: "OPEN",
      },
      {
        studioId,
        invoiceId: i3.id,
        position: 0,
        label: "Balance",
        amountMinor: 40_000,
        dueOn: at("2026-02-20"),
        status: "OPEN",
      },
    ],
  });
  await db().payment.createMany({
    data: [
      {
        studioId,
        invoiceId: i1.id,
        method: "CARD",
        amountMinor: 100_000,
        currency: "USD",
        receivedAt: at("2026-01-20T15:00:00Z"),
      },
      {
        studioId,
        invoiceId: i2.id,
        method: "CHECK",
        amountMinor: 30_000,
        currency: "USD",
        receivedAt: at("2026-03-05T15:00:00Z"),
      },
      {
        studioId,
        invoiceId: i2.id,
        kind: "REFUND",
        method: "CHECK",
        amountMinor: 10_000,
        currency: "USD",
        receivedAt: at("2026-03-06T15:00:00Z"),
      },
      // 00:30 on 1 April in New York: April's money.
      {
        studioId,
        invoiceId: i2.id,
        method: "CASH",
        amountMinor: 7_000,
        currency: "USD",
        receivedAt: at("2026-04-01T04:30:00Z"),
      },
    ],
  });
  const otherInvoice = await invoice(other.studio.id, otherJob.id, {
    status: "SENT",
    totalMinor: 9_000,
    paidMinor: 1_000,
    overdueSince: at("2026-02-01T00:00:00Z"),
  });
  await db().payment.create({
    data: {
      studioId: other.studio.id,
      invoiceId: otherInvoice.id,
      method: "CASH",
      amountMinor: 1_000,
      currency: "USD",
      receivedAt: at("2026-02-01T15:00:00Z"),
    },
  });

  // Shoots: Friday 16 January 23:30 in New York (Saturday in UTC), Saturday 14 March, Sunday 15
  // March (Portraits); a meeting that is not a shoot; one at 00:30 on 1 April; the neighbour's.
  await createEvent(db(), { studioId, jobId: j1.id, isShoot: true, startsAt: at("2026-01-17T04:30:00Z") });
  await createEvent(db(), { studioId, jobId: j1.id, isShoot: true, startsAt: at("2026-03-14T16:00:00Z") });
  await createEvent(db(), { studioId, jobId: j2.id, isShoot: true, startsAt: at("2026-03-15T16:00:00Z") });
  await createEvent(db(), { studioId, jobId: j1.id, isShoot: false, startsAt: at("2026-02-01T16:00:00Z") });
  await createEvent(db(), { studioId, jobId: j1.id, isShoot: true, startsAt: at("2026-04-01T04:30:00Z") });
  await createEvent(db(), {
    studioId: other.studio.id,
    jobId: otherJob.id,
    isShoot: true,
    startsAt: at("2026-01-14T16:00:00Z"),
  });
});

describe("reports on a small studio, worked out by hand", () => {
  it("counts bookings and their value by month against the year before, within the studio's days", async () => {
    const months = await findBookingsByMonth(read(), scope);
    expect(months).toEqual([
      { month: "2026-01", bookings: 1, value: 250_000, lastYear: { month: "2025-01", bookings: 1, value: 70_000 } },
      { month: "2026-02", bookings: 0, value: 0, lastYear: { month: "2025-02", bookings: 0, value: 0 } },
      { month: "2026-03", bookings: 1, value: 100_000, lastYear: { month: "2025-03", bookings: 0, value: 0 } },
    ]);
    const portraits = await findBookingsByMonth(read(), { ...scope, brandId: w.portraits });
    expect(portraits.map((m) => [m.month, m.bookings, m.value])).toEqual([
      ["2026-01", 0, 0],
      ["2026-02", 0, 0],
      ["2026-03", 1, 100_000],
    ]);
  });

  it("the funnel counts each lead at the furthest stage it reached, by source and by brand", async () => {
    const funnel = await findLeadFunnel(read(), scope);
    expect(funnel.total).toEqual({ inquiries: 6, contacted: 3, proposalSent: 2, booked: 1 });
    expect(funnel.bySource).toEqual([
      { key: "website", label: "website", inquiries: 4, contacted: 2, proposalSent: 2, booked: 1 },
      { key: "referral", label: "referral", inquiries: 2, contacted: 1, proposalSent: 0, booked: 0 },
    ]);
    expect(funnel.byBrand).toEqual([
      { key: w.weddings, label: "Weddings", inquiries: 5, contacted: 3, proposalSent: 2, booked: 1 },
      { key: w.portraits, label: "Portraits", inquiries: 1, contacted: 0, proposalSent: 0, booked: 0 },
    ]);
    const weddings = await findLeadFunnel(read(), { ...scope, brandId: w.weddings });
    expect(weddings.total).toEqual({ inquiries: 5, contacted: 3, proposalSent: 2, booked: 1 });
    expect(weddings.byBrand.map((g) => g.label)).toEqual(["Weddings"]);
  });

  it("medians the time to the first email sent to the lead and to the booking", async () => {
    expect(await findResponseTimes(read(), scope)).toEqual({
      leads: 6,
      replied: 4,
      medianReplyHours: 5,
      booked: 1,
      medianBookingDays: 10,
    });
    const weddings = await findResponseTimes(read(), { ...scope, brandId: w.weddings });
    expect(weddings).toMatchObject({ leads: 5, replied: 3, medianReplyHours: 4 });
  });

  it("adds up money received and still owed by month, and today's overdue balance", async () => {
    const revenue = await findRevenue(read(), { ...scope, currency: "USD" });
    expect(revenue).toEqual({
      months: [
        { month: "2026-01", received: 100_000, outstanding: 0 },
        { month: "2026-02", received: 0, outstanding: 150_000 },
        { month: "2026-03", received: 20_000, outstanding: 80_000 },
      ],
      overdue: 150_000,
      overdueInvoices: 1,
    });
    const portraits = await findRevenue(read(), { ...scope, brandId: w.portraits, currency: "USD" });
    expect(portraits.months.map((m) => [m.received, m.outstanding])).toEqual([
      [0, 0],
      [0, 0],
      [20_000, 80_000],
    ]);
    expect(portraits.overdue).toBe(0);
    const april = await findRevenue(read(), { ...scope, from: "2026-04-01", to: "2026-04-30", currency: "USD" });
    expect(april.months).toEqual([{ month: "2026-04", received: 7_000, outstanding: 0 }]);
  });

  it("counts shoots by month and weekday in the studio's time zone", async () => {
    const shoots = await findBusiestShootTimes(read(), scope);
    expect(shoots.total).toBe(3);
    expect(shoots.byMonth).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Monday first: the late Friday shoot stays a Friday although it is Saturday in UTC.
    expect(shoots.byWeekday).toEqual([0, 0, 0, 0, 1, 1, 1]);
    const weddings = await findBusiestShootTimes(read(), { ...scope, brandId: w.weddings });
    expect(weddings.byWeekday).toEqual([0, 0, 0, 0, 1, 1, 0]);
  });

  it("another studio's brand as the filter finds nothing of this studio", async () => {
    const foreign = { ...scope, brandId: w.otherBrand };
    expect((await findLeadFunnel(read(), foreign)).total.inquiries).toBe(0);
    expect((await findBookingsByMonth(read(), foreign)).every((m) => m.bookings === 0)).toBe(true);
    expect((await findRevenue(read(), { ...foreign, currency: "USD" })).overdue).toBe(0);
    expect((await findBusiestShootTimes(read(), foreign)).total).toBe(0);
  });
});

describe("reports agree with the lists", () => {
  const allBookings = async (brandId?: string) => {
    const rows = [];
    for (const status of ["PENDING_REVIEW", "CONFIRMED"] as const) {
      let page = await findBookingPage(read(), { studioId: w.studioId, brandId, status });
      rows.push(...page.rows);
      while (page.next) {
        page = await findBookingPage(read(), { studioId: w.studioId, brandId, status, after: page.next });
        rows.push(...page.rows);
      }
    }
    return rows;
  };

  it("the bookings counted over every month equal what /bookings lists, for all brands and for one", async () => {
    const everything = { ...scope, from: "2025-01-01", to: "2026-12-31" };
    for (const brandId of [undefined, w.weddings, w.portraits]) {
      const months = await findBookingsByMonth(read(), { ...everything, brandId });
      expect(
        months.reduce((n, m) => n + m.bookings, 0),
        `brand ${brandId ?? "all"}`,
      ).toBe((await allBookings(brandId)).length);
    }
  });

  it("the overdue balance equals the invoices list's Overdue view", async () => {
    for (const brandId of [undefined, w.weddings, w.portraits]) {
      const page = await findInvoicePage(read(), { studioId: w.studioId, brandId, view: "overdue" });
      const listed = page.rows.reduce((n, i) => n + i.totalMinor - i.paidMinor, 0);
      expect((await findRevenue(read(), { ...scope, brandId, currency: "USD" })).overdue).toBe(listed);
    }
  });
});

describe("who sees reports", () => {
  it("owners always; staff only once the studio allows it", async () => {
    const { studio } = await createStudio(db());
    const { user: staff } = await createStaff(db(), studio.id);
    expect(await canSeeReports(read(), { studioId: studio.id, role: "OWNER" })).toBe(true);
    expect(await canSeeReports(read(), { studioId: studio.id, role: staff.role })).toBe(false);
    await db().studio.update({ where: { id: studio.id }, data: { staffCanSeeReports: true } });
    expect(await canSeeReports(read(), { studioId: studio.id, role: staff.role })).toBe(true);
  });
});
