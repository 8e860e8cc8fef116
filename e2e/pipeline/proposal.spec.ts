import { createJob, createLead } from "../../prisma/factories";
import { expect, linkIn, queuedEmail, reloadUntil, replicated, test, testDb } from "../fixtures";

test("a proposal sent, accepted by the client in a fresh browser and confirmed books the job", async ({
  browser,
  page,
  signedIn,
}) => {
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Rossi–Kim Wedding",
    status: "LEAD",
    contact: { name: "Isabella Rossi", email: "isabella.rossi@example.com" },
  });
  await createLead(testDb(), {
    studioId: signedIn.studio.id,
    name: "Isabella Rossi",
    jobId: job.id,
    status: "CONTACTED",
  });
  await replicated();

  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("link", { name: "New proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New proposal for Rossi–Kim Wedding" })).toBeVisible();
  await page.getByLabel("Proposal title").fill("Full-Day Collection");
  await page.getByLabel("Item 1 description").fill("Eight hours of coverage");
  await page.getByLabel("Item 1 unit price").fill("4,500");
  await page.getByRole("button", { name: "Add line item" }).click();
  await page.getByLabel("Item 2 description").fill("Leather album");
  await page.getByLabel("Item 2 quantity").fill("2");
  await page.getByLabel("Item 2 unit price").fill("650");
  await expect(page.getByText("Total: $5,800.00")).toBeVisible();
  await page.getByLabel("Deposit ($)").fill("1000");
  await page.getByRole("button", { name: "Save proposal" }).click();

  const proposals = page.getByRole("list", { name: "Proposals" });
  await expect(proposals).toContainText("Full-Day Collection");
  await expect(proposals).toContainText("Draft");
  await page.getByRole("button", { name: "Send to client" }).click();
  await expect(proposals).toContainText(/Sent .*Client link:/);
  await expect(page.getByRole("button", { name: "Send to client" })).toHaveCount(0);

  // The client opens the link from the email the outbox holds for them.
  const email = await queuedEmail({ studioId: signedIn.studio.id, kind: "proposal.sent" });
  expect(email.to).toBe("isabella.rossi@example.com");
  const link = linkIn(email.text, "/p/");
  expect(link).toBeTruthy();
  await expect(page.getByTestId("client-link")).toHaveText(link!);

  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(link!);
  await expect(client.getByRole("heading", { name: "Full-Day Collection" })).toBeVisible();
  await expect(client.getByRole("row", { name: /Leather album/ })).toContainText("$1,300.00");
  await expect(client.getByTestId("proposal-total")).toHaveText("$5,800.00");
  await expect(client.getByTestId("proposal-deposit")).toHaveText("$1,000.00");
  await client.getByRole("button", { name: "Accept proposal" }).click();
  await expect(client.getByRole("status")).toContainText(
    /Thank you! You accepted this proposal on .* will review and confirm your booking shortly\./,
  );
  await expect(client.getByRole("button", { name: "Accept proposal" })).toHaveCount(0);
  await client.reload();
  await expect(client.getByText(/You accepted this proposal on/)).toBeVisible();
  await clientContext.close();

  await page.goto("/dashboard");
  await reloadUntil(page, async () => {
    await expect(page.getByTestId("bookings-to-review")).toHaveText("You have 1 booking to review.", { timeout: 1000 });
  });
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText("You have a new booking to review");
  await page.getByTestId("bookings-to-review").getByRole("link").click();

  const toReview = page.getByRole("list", { name: "Bookings to review" });
  await expect(toReview).toContainText("Rossi–Kim Wedding");
  await toReview.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByText(/^No bookings to review\./)).toBeVisible();

  await page.getByRole("link", { name: "Confirmed" }).click();
  await page.getByRole("list", { name: "Confirmed bookings" }).getByRole("link", { name: "Rossi–Kim Wedding" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Booked");
  await expect(page.getByRole("list", { name: "Bookings" })).toContainText("Confirmed");
  // The job names its client (a link to the client's page) and the lead it came from.
  await expect(page.getByTestId("job-lead")).toContainText("Booked");
  await page.getByTestId("job-lead").getByRole("link", { name: "Isabella Rossi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Isabella Rossi" })).toBeVisible();
  await expect(page.getByLabel("Stage")).toHaveValue("BOOKED");
});

test("the proposal form explains each bad line item and saves nothing", async ({ page, signedIn }) => {
  const job = await createJob(testDb(), { studioId: signedIn.studio.id, title: "Chen Portraits" });
  await replicated();
  await page.goto(`/jobs/${job.id}/proposals/new`);
  await page.getByLabel("Item 1 description").fill("Session");
  await page.getByLabel("Item 1 quantity").fill("0");
  await page.getByLabel("Item 1 unit price").fill("lots");
  await page.getByLabel("Expires on").fill("2001-01-01");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.getByText("Enter a title, such as Wedding Collection.")).toBeVisible();
  await expect(page.getByText("Enter a whole number from 1 to 999.")).toBeVisible();
  await expect(page.getByText("Enter a price such as 1,500.00.")).toBeVisible();
  await expect(page.getByLabel("Item 1 description")).toHaveValue("Session");

  await page.getByLabel("Proposal title").fill("Portrait Session");
  await page.getByLabel("Item 1 quantity").fill("1");
  await page.getByLabel("Item 1 unit price").fill("450");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.getByText("Choose today or a later date.")).toBeVisible();
  expect(await testDb().proposal.count({ where: { jobId: job.id } })).toBe(0);
});
