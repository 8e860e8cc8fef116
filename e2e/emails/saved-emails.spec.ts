import { createJob } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("a photographer saves an email once, then starts a client's email and a workflow step from it", async ({
  page,
  signedIn,
  mailbox,
}) => {
  const email = `amara-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[0].id,
    title: "Okafor–Reyes Wedding",
    date: new Date("2027-09-18T00:00:00Z"),
    contact: { name: "Amara Okafor", email },
  });
  await replicated();

  // Write it once: Emails → Saved emails → New saved email.
  await page.goto("/emails");
  await page.getByRole("link", { name: "Saved emails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saved emails" })).toBeVisible();
  await expect(page.getByText("No saved emails yet.")).toBeVisible();
  await page.getByRole("link", { name: "New saved email" }).click();
  await page.getByLabel("Name", { exact: true }).fill("What to wear");
  await page.getByLabel("Written to").selectOption({ label: "An inquiry" });
  await page.getByLabel("Subject").fill("What to wear for {{job.title}}");
  await page.getByLabel("Message").fill("Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best.");
  // An inquiry has no job: the preview marks the field, and saving refuses it beside the message.
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByTestId("preview-body")).toContainText("{{job.date}}: not a field of this email");
  await page.getByRole("button", { name: "Save email" }).click();
  await expect(page.getByText(/Unknown field \{\{job\.date\}\}/)).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Subject")).toHaveValue("What to wear for {{job.title}}");

  await page.getByLabel("Written to").selectOption({ label: "A job's client" });
  // With example values until it is used for a real job.
  await expect(preview.getByTestId("preview-subject")).toHaveText("What to wear for Nguyen–Walsh Wedding");
  await expect(preview).not.toContainText("not a field");
  await page.getByRole("button", { name: "Save email" }).click();
  await expect(page).toHaveURL(/\/emails\/saved$/);
  await expect(page.getByRole("status")).toContainText("“What to wear” saved.");
  await expect(page.getByRole("heading", { level: 2, name: "What to wear" })).toBeVisible();

  // "Email the client" on the job starts from it, filled in for this job.
  await page.goto(`/jobs/${job.id}`);
  const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Email the client" }) });
  await card.getByLabel("Start from a saved email").selectOption({ label: "What to wear" });
  await expect(card.getByLabel("Subject")).toHaveValue("What to wear for {{job.title}}");
  const jobPreview = card.getByRole("region", { name: "Preview" });
  await expect(jobPreview.getByTestId("preview-subject")).toHaveText("What to wear for Okafor–Reyes Wedding");
  // Changed for this client only.
  await card
    .getByLabel("Message")
    .fill("Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best. Bring the veil!");
  await card.getByRole("button", { name: "Send email to Amara Okafor" }).click();
  await expect(card.getByRole("status")).toContainText(`Sent to Amara Okafor (${email}).`);
  const mail = await mailbox.waitFor({ to: email, subject: "What to wear for Okafor–Reyes Wedding" }, 60_000);
  expect(mail.text).toContain("For Saturday, September 18, 2027, soft colours photograph best. Bring the veil!");

  // A workflow's email step starts from it too.
  await page.goto("/workflows/new");
  await page.getByLabel("Workflow name").fill("Wedding prep");
  await page.getByLabel("Step 1 is").selectOption({ label: "An email to the client" });
  await page.getByLabel("Step 1 starts from").selectOption({ label: "What to wear" });
  await expect(page.getByLabel("Step 1 name")).toHaveValue("What to wear");
  await expect(page.getByLabel("Step 1 email subject")).toHaveValue("What to wear for {{job.title}}");
  await page.getByLabel("Step 1 days").fill("-7");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByText("Email to the client: What to wear")).toBeVisible();

  // Edited later, it changes no email already written from it; then deleted.
  await page.goto("/emails/saved");
  await page.getByRole("link", { name: "Edit What to wear" }).click();
  await page.getByLabel("Subject").fill("Dressing for {{job.title}}");
  await page.getByRole("button", { name: "Save email" }).click();
  await expect(page.getByText("Dressing for {{job.title}}")).toBeVisible();
  await page.goto("/workflows");
  await page.getByRole("link", { name: "Edit Wedding prep" }).click();
  await expect(page.getByLabel("Step 1 email subject")).toHaveValue("What to wear for {{job.title}}");

  await page.goto("/emails/saved");
  await page.getByRole("link", { name: "Edit What to wear" }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete What to wear" }).click();
  await expect(page).toHaveURL(/\/emails\/saved$/);
  await expect(page.getByRole("status")).toContainText("Saved email deleted.");
  await expect(page.getByText("No saved emails yet.")).toBeVisible();
  // The job's card offers nothing to start from now.
  await page.goto(`/jobs/${job.id}`);
  await expect(card.getByLabel("Subject")).toBeVisible();
  await expect(card.getByLabel("Start from a saved email")).toHaveCount(0);
});
