import { createJob, createQuestionnaireTemplate } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("the photographer writes a brand's proposal email; a proposal sent for that brand reaches the client in those words, with its link", async ({
  browser,
  page,
  signedIn,
  mailbox,
}) => {
  const email = `isabella-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[1].id,
    title: "Rossi Family Portraits",
    date: new Date("2027-06-12T00:00:00Z"),
    status: "LEAD",
    contact: { name: "Isabella Rossi", email },
  });
  await replicated();

  await page.goto("/settings/emails");
  await page
    .getByRole("navigation", { name: "Emails you write" })
    .getByRole("link", { name: "Proposal email" })
    .click();
  await expect(page).toHaveURL(/\/settings\/emails\/proposal$/);
  const brand = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Portraits by Test", exact: true }),
  });
  await expect(brand.getByText("Sent with every proposal · ShootQ's wording until you change it")).toBeVisible();

  // Without the link the client could not open it: refused beside the message, nothing saved.
  await brand.getByLabel("Subject").fill("{{client.first_name}}, your portraits proposal");
  await brand.getByLabel("Message").fill("Dear {{client.first_name}},\n\nHere is {{proposal.title}}.");
  await brand.getByRole("button", { name: "Save Portraits by Test's proposal email" }).click();
  await expect(
    brand.getByText("The message must include {{proposal.link}}, or your client cannot open it."),
  ).toBeVisible();
  await expect(brand.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");

  await brand
    .getByLabel("Message")
    .fill(
      "Dear {{client.first_name}},\n\nHere is {{proposal.title}} for {{job.date}}: {{proposal.total}}, with {{proposal.deposit}} to book.\n\nOpen it by {{proposal.expires}}:\n{{proposal.link}}\n\nWith love,\n{{brand.name}}",
    );
  await brand.getByRole("button", { name: "Save Portraits by Test's proposal email" }).click();
  await expect(brand.getByRole("status")).toHaveText("Proposal email saved.");
  await expect(brand.getByText("Sent with every proposal", { exact: true })).toBeVisible();
  const preview = page.getByRole("region", { name: "Preview of Portraits by Test's proposal email" });
  await expect(preview).toContainText("Grace, your portraits proposal");
  await expect(preview).toContainText("Here is Full-Day Collection for Saturday, June 12, 2027: $5,800.00");
  // No proposal sent for the brand yet: nothing real to preview it on.
  await expect(brand.getByRole("heading", { name: /^As it reads for/ })).toHaveCount(0);

  // The other brand still sends ShootQ's wording.
  const otherBrand = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Weddings by Test", exact: true }),
  });
  await expect(otherBrand.getByLabel("Subject")).toHaveValue("Your proposal from {{studio.name}}: {{proposal.title}}");

  // A proposal for the brand's job, sent as the photographer sends one.
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("link", { name: "New proposal" }).click();
  await page.getByLabel("Proposal title").fill("Summer Session");
  await page.getByLabel("Item 1 description").fill("Two-hour family session");
  await page.getByLabel("Item 1 unit price").fill("1,200");
  await page.getByLabel("Deposit ($)").fill("300");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.getByRole("list", { name: "Proposals" })).toContainText("Summer Session");
  await page.getByRole("button", { name: "Send to client" }).click();
  await expect(page.getByRole("list", { name: "Proposals" })).toContainText(/Sent .*Client link:/);

  // Back in Settings → Emails, at once (the replica may lag): the wording as it reads for this proposal.
  await page.goto("/settings/emails/proposal");
  const onLatest = page.getByRole("region", {
    name: "Portraits by Test's proposal email on the proposal Summer Session for Isabella Rossi",
  });
  await expect(onLatest).toContainText("Subject: Isabella, your portraits proposal");
  await expect(onLatest).toContainText(
    "Here is Summer Session for Saturday, June 12, 2027: $1,200.00, with $300.00 to book.",
  );

  const mail = await mailbox.waitFor({ to: email, subject: "Isabella, your portraits proposal" }, 60_000);
  expect(mail.headers.from).toContain("Portraits by Test");
  expect(mail.headers["reply-to"]).toContain(signedIn.owner.email);
  expect(mail.text).toContain("Here is Summer Session for Saturday, June 12, 2027: $1,200.00, with $300.00 to book.");
  expect(mail.text).toContain("With love,\nPortraits by Test");
  // The HTML part says the same, and its link opens the proposal for the client.
  expect(mail.html).toContain("Here is Summer Session for Saturday, June 12, 2027");
  const link = /href="(https?:\/\/[^"]+\/p\/[A-Za-z0-9_-]+)"/.exec(mail.html ?? "")?.[1];
  expect(link).toBeTruthy();
  const client = await browser.newContext();
  const proposal = await client.newPage();
  await proposal.goto(link!);
  await expect(proposal.getByRole("heading", { name: "Summer Session" })).toBeVisible();
  await expect(proposal.getByTestId("proposal-total")).toHaveText("$1,200.00");
  await client.close();
});

test("the photographer rewords a brand's questionnaire email, and the questionnaire sent from a job arrives in those words", async ({
  browser,
  page,
  signedIn,
  mailbox,
}) => {
  const email = `marco-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[0].id,
    title: "Bianchi Wedding",
    date: new Date("2027-09-18T00:00:00Z"),
    contact: { name: "Marco Bianchi", email },
  });
  await createQuestionnaireTemplate(testDb(), { studioId: signedIn.studio.id, name: "Wedding day details" });
  await replicated();

  await page.goto("/settings/emails");
  const tabs = page.getByRole("navigation", { name: "Emails you write" });
  await expect(tabs.getByRole("link")).toHaveText([
    "Inquiry auto-reply",
    "Proposal email",
    "Contract email",
    "Contract reminder",
    "Invoice email",
    "Receipt",
    "Payment reminder",
    "Overdue notice",
    "Questionnaire email",
  ]);
  await tabs.getByRole("link", { name: "Questionnaire email" }).click();
  await expect(tabs.getByRole("link", { name: "Questionnaire email" })).toHaveAttribute("aria-current", "page");
  const brand = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Weddings by Test", exact: true }),
  });
  await brand.getByLabel("Subject").fill("{{client.first_name}}, a few questions before {{job.date}}");
  await brand
    .getByLabel("Message")
    .fill("Ciao {{client.first_name}}!\n\nTell us about your day in {{questionnaire.title}}:\n{{questionnaire.link}}");
  await brand.getByRole("button", { name: "Save Weddings by Test's questionnaire email" }).click();
  await expect(brand.getByRole("status")).toHaveText("Questionnaire email saved.");

  await page.goto(`/jobs/${job.id}/questionnaires`);
  await page.getByLabel("Questionnaire").selectOption({ label: "Wedding day details" });
  await page.getByRole("button", { name: "Send questionnaire" }).click();
  await expect(page.getByText("The questionnaire is on its way to your client.")).toBeVisible();

  const mail = await mailbox.waitFor(
    { to: email, subject: "Marco, a few questions before Saturday, September 18, 2027" },
    60_000,
  );
  expect(mail.headers.from).toContain("Weddings by Test");
  expect(mail.text).toContain("Ciao Marco!");
  expect(mail.text).toContain("Tell us about your day in Wedding day details:");
  const link = /href="(https?:\/\/[^"]+\/q\/[A-Za-z0-9_-]+)"/.exec(mail.html ?? "")?.[1];
  expect(link).toBeTruthy();
  const client = await browser.newContext();
  const questionnaire = await client.newPage();
  await questionnaire.goto(link!);
  await expect(questionnaire.getByRole("heading", { name: "Wedding day details" })).toBeVisible();
  await client.close();
});
