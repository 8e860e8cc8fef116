import { createJob } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("a workflow step emails the job's client: written in the workflow, scheduled on the job, edited, sent, skipped", async ({
  page,
  signedIn,
  mailbox,
}) => {
  const email = `ada-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[0].id,
    title: "Okafor–Lind Wedding",
    date: new Date("2027-06-12T00:00:00Z"),
    contact: { name: "Ada Okafor", email },
  });
  await replicated();

  await page.goto("/workflows/new");
  await page.getByLabel("Workflow name").fill("Wedding prep");
  await page.getByLabel("Step 1 name").fill("Send the timeline");
  await page.getByLabel("Step 1 days").fill("-14");
  await page.getByLabel("Step 1 counted").selectOption({ label: "after the job date" });
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Step 2 is").selectOption({ label: "An email to the client" });
  await page.getByLabel("Step 2 name").fill("What to wear");
  await page.getByLabel("Step 2 days").fill("-7");
  await page.getByLabel("Step 2 counted").selectOption({ label: "after the job date" });
  await page.getByLabel("Step 2 email subject").fill("What to wear, {{client.first_name}}");
  await page.getByLabel("Step 2 email message").fill("Hi {{client.nickname}}");
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Step 3 is").selectOption({ label: "An email to the client" });
  await page.getByLabel("Step 3 name").fill("Thank you");
  await page.getByLabel("Step 3 days").fill("2");
  await page.getByLabel("Step 3 counted").selectOption({ label: "after the job date" });
  await page.getByLabel("Step 3 email subject").fill("Thank you, {{client.first_name}}");
  await page.getByLabel("Step 3 email message").fill("It was a joy.\n\n{{brand.name}}");
  await page.getByRole("button", { name: "Create workflow" }).click();
  // An unknown smart field is named beside the steps, and nothing typed is lost.
  await expect(page.getByText(/Step 2 message: Unknown field \{\{client\.nickname\}\}/)).toBeVisible();
  await expect(page.getByLabel("Step 3 email subject")).toHaveValue("Thank you, {{client.first_name}}");
  await page
    .getByLabel("Step 2 email message")
    .fill("Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best.\n\n{{brand.name}}");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole("listitem").filter({ hasText: "Email to the client: What to wear" })).toBeVisible();

  await page.goto(`/jobs/${job.id}/workflow`);
  await page.getByLabel("Workflow").selectOption({ label: "Wedding prep" });
  await page.getByRole("button", { name: "Apply workflow" }).click();
  await expect(page.getByText("1 task and 2 emails added.")).toBeVisible();
  const emails = page.getByRole("list", { name: "Emails to the client" });
  const wear = emails.getByRole("listitem").filter({ hasText: "Wedding prep → What to wear" });
  const thanks = emails.getByRole("listitem").filter({ hasText: "Wedding prep → Thank you" });
  // A week before the job, at 9 am studio time; two days after it.
  await expect(wear).toContainText("Goes Jun 5, 2027, 9:00 AM");
  await expect(thanks).toContainText("Goes Jun 14, 2027, 9:00 AM");

  await wear.getByText("Edit What to wear").click();
  await wear.getByLabel("Subject").fill("What to wear for {{job.title}}");
  await wear.getByLabel("Send on").fill("2027-06-04");
  await wear.getByRole("button", { name: "Save email" }).click();
  await expect(wear.getByText("Email saved.")).toBeVisible();
  await expect(wear).toContainText("Goes Jun 4, 2027, 9:00 AM");
  await expect(wear).toContainText("What to wear for {{job.title}}");

  page.once("dialog", (dialog) => dialog.accept());
  await wear.getByRole("button", { name: "Send now: What to wear" }).click();
  await expect(wear).toContainText(/Sent \w{3} \d+, \d{4}/);
  const mail = await mailbox.waitFor({ to: email, subject: "What to wear for Okafor–Lind Wedding" }, 60_000);
  expect(mail.text).toContain("Hi Ada,");
  expect(mail.text).toContain("For Saturday, June 12, 2027, soft colours photograph best.");
  expect(mail.html).toContain("<p>Hi Ada,</p>");
  expect(mail.headers.from).toContain("Weddings by Test");
  expect(mail.headers["reply-to"]).toContain(signedIn.owner.email);

  page.once("dialog", (dialog) => dialog.accept());
  await thanks.getByRole("button", { name: "Skip Thank you" }).click();
  await expect(thanks).toContainText(`Skipped by ${signedIn.owner.name}.`);
  await expect(thanks.getByRole("button", { name: "Send now: Thank you" })).toHaveCount(0);

  // The studio's outbox lists what went.
  await page.goto("/emails");
  await expect(page.getByText("What to wear for Okafor–Lind Wedding")).toBeVisible();
});
