import { createJob } from "../../prisma/factories";
import { hashToken } from "../../lib/tokens";
import { expect, linkIn, reloadUntil, replicated, test, testDb } from "../fixtures";

// Money end to end: an accepted proposal becomes an invoice on the studio's payment schedule,
// the client pays the retainer by card (the offline Stripe stand-in, real signed webhooks), the
// photographer records a check for the next installment, and receipts arrive in the mail sink.

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

test("a bad amount gets a message beside the field and records nothing", async ({ page, signedIn }) => {
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Chen Portraits",
    date: inDays(90),
    contact: { name: "Mei Chen", email: "mei.chen@example.com" },
  });
  await replicated();
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("link", { name: "New invoice" }).click();
  await page.getByLabel("Invoice title").fill("Portrait Session");
  await page.getByLabel("Item 1 description").fill("Session");
  await page.getByLabel("Item 1 unit price").fill("lots");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText("Enter a price such as 1,500.00.")).toBeVisible();
  expect(await testDb().invoice.count({ where: { jobId: job.id } })).toBe(0);
});

test("an accepted proposal is invoiced on a schedule, paid by card and by check, with receipts and dashboard totals", async ({
  browser,
  page,
  signedIn,
  mailbox,
}) => {
  // The whole money flow in one story: two browsers, a payment page and three emails delivered.
  test.slow();
  const { studio } = signedIn;
  const clientEmail = `grace.${studio.id.slice(-12)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: studio.id,
    title: "Nguyen–Walsh Wedding",
    status: "BOOKED",
    date: inDays(200),
    contact: { name: "Grace Nguyen", email: clientEmail },
  });
  const proposal = await testDb().proposal.create({
    data: {
      studioId: studio.id,
      jobId: job.id,
      title: "Full-Day Collection",
      depositCents: 100_000,
      expiresAt: inDays(30),
      status: "ACCEPTED",
      respondedAt: new Date(),
      tokenHash: hashToken(`gp${job.id.replace(/-/g, "")}`),
      items: {
        create: [
          { position: 0, description: "Eight hours of coverage", unitPriceCents: 450_000 },
          { position: 1, description: "Leather album", quantity: 2, unitPriceCents: 65_000 },
        ],
      },
    },
  });
  await testDb().booking.create({
    data: { studioId: studio.id, jobId: job.id, proposalId: proposal.id, status: "CONFIRMED" },
  });
  await replicated();

  // The studio's wedding schedule: retainer on booking, half 60 days before, the rest 14 days before.
  await page.goto("/settings/payments");
  const form = page.getByRole("region", { name: "New payment schedule" });
  await form.getByLabel("Schedule name").fill("Wedding: retainer, half, rest");
  await form.getByLabel("Use for new invoices unless another is chosen").check();
  await form.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByRole("list", { name: "Payment schedules" })).toContainText("Wedding: retainer, half, rest");

  await page.goto("/dashboard");
  await expect(page.getByTestId("received-this-month")).toHaveText("$0.00 received this month");

  // Invoice from the accepted proposal, on that schedule, then sent.
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("button", { name: "Create an invoice from Full-Day Collection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Invoice \d+/ })).toBeVisible();
  await expect(page.getByTestId("invoice-total")).toHaveText("$5,800.00");
  const schedule = page.getByRole("list", { name: "Payment schedule" });
  await expect(schedule.getByRole("listitem")).toHaveCount(3);
  await expect(schedule.getByRole("listitem").nth(0)).toContainText("Retainer");
  await expect(schedule.getByRole("listitem").nth(0)).toContainText("$1,000.00");
  await expect(schedule.getByRole("listitem").nth(1)).toContainText("$2,900.00");
  await expect(schedule.getByRole("listitem").nth(2)).toContainText("$1,900.00");
  await page.getByRole("button", { name: "Send to client" }).click();
  await expect(page.getByTestId("invoice-status")).toContainText("Sent");

  // The client opens the link from the email they received and pays the retainer by card.
  const invoiceEmail = await mailbox.waitFor({ to: clientEmail, subject: /^Invoice \d+ from / });
  const link = linkIn(invoiceEmail.text, "/i/");
  const clientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const client = await clientContext.newPage();
  await client.goto(link);
  await expect(client.getByRole("heading", { level: 1, name: /Invoice \d+/ })).toBeVisible();
  await expect(client.getByTestId("client-balance")).toHaveText("$5,800.00");
  await client.getByRole("button", { name: "Pay retainer: $1,000.00" }).click();
  await expect(client.getByRole("heading", { name: "Test card payment" })).toBeVisible();
  await client.getByRole("button", { name: "Pay $1,000.00" }).click();
  await expect(client.getByRole("status").first()).toContainText("Thank you! Your payment of $1,000.00 was received.");
  await expect(client.getByTestId("client-paid")).toHaveText("$1,000.00");
  await expect(client.getByTestId("client-balance")).toHaveText("$4,800.00");
  await mailbox.waitFor({ to: clientEmail, subject: /^Receipt: \$1,000\.00 paid to / });

  // The job page shows the balance once the client's payment reaches the replica.
  await page.goto(`/jobs/${job.id}`);
  await reloadUntil(page, async () => {
    await expect(page.getByTestId("job-balance")).toHaveText("Balance due: $4,800.00", { timeout: 1000 });
  });
  await expect(page.getByRole("list", { name: /Schedule of invoice/ })).toContainText(
    /Retainer: \$1,000\.00 due .*Paid/,
  );

  // The photographer records a check for the next installment.
  await page
    .getByRole("list", { name: "Invoices" })
    .getByRole("link", { name: /Invoice \d+/ })
    .click();
  const record = page.getByRole("region", { name: "Record a payment" });
  await record.getByLabel("Method").selectOption("CHECK");
  await record.getByLabel("Amount ($)").fill("2,900");
  await record.getByLabel("Reference (optional)").fill("1042");
  await record.getByRole("button", { name: /Record/ }).click();
  await expect(page.getByTestId("invoice-paid")).toHaveText("$3,900.00");
  await expect(page.getByTestId("invoice-balance")).toHaveText("$1,900.00");
  await expect(page.getByRole("list", { name: "Payments" })).toContainText("Check");
  await mailbox.waitFor({ to: clientEmail, subject: /^Receipt: \$2,900\.00 paid to / });

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByTestId("job-balance")).toHaveText("Balance due: $1,900.00");
  await page.goto("/dashboard");
  await expect(page.getByTestId("received-this-month")).toHaveText("$3,900.00 received this month");
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText(
    "Grace Nguyen paid $1,000.00 on Nguyen–Walsh Wedding",
  );

  // The client sees the check too, once it reaches the replica their page reads (3 s behind here):
  // read-your-writes holds for the photographer who recorded it, not for another person.
  await client.goto(link);
  await reloadUntil(client, async () => {
    await expect(client.getByTestId("client-paid")).toHaveText("$3,900.00", { timeout: 1000 });
  });
  await clientContext.close();
});
