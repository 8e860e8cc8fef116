import { createEvent, createJob, createLead, createStaff } from "../../prisma/factories";
import { expect, reloadUntil, replicated, signIn, test, testDb, watchCsp } from "../fixtures";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const dayKey = (date: Date) => date.toISOString().slice(0, 10);

const CHARTS = [
  "Bookings per month",
  "Booked value per month",
  "Lead funnel",
  "Revenue received and outstanding per month",
  "Shoots by month of the year",
  "Shoots by day of the week",
];

test("an owner reads each chart of the last 12 months, then narrows the dates and the numbers follow", async ({
  page,
  signedIn,
}) => {
  const db = testDb();
  const studioId = signedIn.studio.id;
  const brandId = signedIn.brands[0].id;
  const job = await createJob(db, { studioId, brandId });
  await createLead(db, { studioId, brandId, status: "BOOKED", source: "website", jobId: job.id, createdAt: ago(20) });
  await createLead(db, { studioId, brandId, status: "CONTACTED", source: "referral", createdAt: ago(400) });
  const proposal = await db.proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Full day",
      expiresAt: ago(-30),
      status: "ACCEPTED",
      items: { create: [{ position: 0, description: "Coverage", quantity: 1, unitPriceCents: 250_000 }] },
    },
  });
  await db.booking.create({
    data: { studioId, jobId: job.id, proposalId: proposal.id, status: "CONFIRMED", createdAt: ago(10) },
  });
  const invoice = await db.invoice.create({
    data: {
      studioId,
      jobId: job.id,
      number: 1,
      title: "Wedding",
      status: "PARTIALLY_PAID",
      currency: "USD",
      totalMinor: 250_000,
      paidMinor: 100_000,
    },
  });
  await db.payment.create({
    data: {
      studioId,
      invoiceId: invoice.id,
      method: "CARD",
      amountMinor: 100_000,
      currency: "USD",
      receivedAt: ago(10),
    },
  });
  await createEvent(db, { studioId, jobId: job.id, isShoot: true, startsAt: ago(5) });
  await replicated();

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 12 months" })).toHaveAttribute("aria-current", "page");
  for (const name of CHARTS) {
    const chart = page.getByRole("img", { name: new RegExp(`^${name}`) });
    await expect(chart).toBeVisible();
    expect(await chart.locator("rect, circle").count(), `${name} has marks`).toBeGreaterThan(0);
  }
  const bySource = page.getByRole("table", { name: "Conversion by lead source" });
  await expect(bySource.getByRole("row", { name: /website/ })).toContainText("100%");
  await expect(bySource.getByRole("row", { name: /referral/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Booked value per month/ })).toContainText("$2,500.00");
  await expect(page.getByRole("table", { name: /Revenue received/ })).toContainText("$1,000.00");

  // Dates a year and more back: only the referral's inquiry, and nothing booked, paid or shot.
  await page.getByLabel("From", { exact: true }).fill(dayKey(ago(450)));
  await page.getByLabel("To", { exact: true }).fill(dayKey(ago(300)));
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/range=custom/);
  await expect(bySource.getByRole("row", { name: /referral/ })).toContainText("0%");
  await expect(bySource.getByRole("row", { name: /website/ })).toHaveCount(0);
  await expect(page.getByText(/^No bookings in these dates or a year earlier/)).toBeVisible();
  await expect(page.getByText(/^No shoots in these dates/).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /^Lead funnel/ }).locator("rect")).not.toHaveCount(0);

  // A mistyped link shows the default dates and says what was wrong.
  const response = await page.goto("/reports?range=custom&from=2026-02-30&to=soon");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("The start date must be a real date such as 2026-03-01.")).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Conversion by lead source" }).getByRole("row", { name: /website/ }),
  ).toBeVisible();
});

test("staff get a 404 for reports until the owner lets them see them", async ({ browser, page, signedIn }) => {
  const staff = await createStaff(testDb(), signedIn.studio.id);
  await replicated();
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  const checkCsp = await watchCsp(staffPage);
  try {
    await signIn(staffPage, staff.user.email, staff.password);
    expect((await staffPage.goto("/reports"))?.status()).toBe(404);

    await page.goto("/settings/studio");
    await page.getByLabel("Staff can see reports").check();
    await page.getByRole("button", { name: "Save studio" }).click();
    await expect(page.getByText("Studio settings saved.")).toBeVisible();
    await page.goto("/settings/studio");
    await expect(page.getByLabel("Staff can see reports")).toBeChecked();

    // The owner's change is not the staff member's own write: it shows once their replica has it.
    await reloadUntil(staffPage, () =>
      expect(staffPage.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible({ timeout: 1_000 }),
    );
    await expect(staffPage.getByText(/^No leads arrived in these dates\. How many/)).toBeVisible();
    checkCsp();
  } finally {
    await staffContext.close();
  }
});
