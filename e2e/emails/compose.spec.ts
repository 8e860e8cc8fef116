import { createJob } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("the photographer writes to a job's client from the job page, and the client gets it in the brand's name", async ({
  page,
  signedIn,
  mailbox,
}) => {
  const email = `grace-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[0].id,
    title: "Nguyen–Walsh Wedding",
    date: new Date("2027-06-12T00:00:00Z"),
    contact: { name: "Grace Nguyen", email },
  });
  await replicated();

  await page.goto(`/jobs/${job.id}`);
  const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Email the client" }) });
  await expect(card).toContainText("To Grace Nguyen, from Weddings by Test; replies come to you.");
  await card.getByText("Smart fields and what they say here").click();
  await expect(card.getByText("Nguyen–Walsh Wedding")).toBeVisible();

  const preview = card.getByRole("region", { name: "Preview" });
  await card.getByLabel("Subject").fill("Your {{job.title}}: what to wear");
  await card.getByLabel("Message").fill("Hi {{client.nickname}}");
  // The preview reads as the client will, as it is typed, and marks what cannot be filled in.
  await expect(preview.getByTestId("preview-subject")).toHaveText("Your Nguyen–Walsh Wedding: what to wear");
  await expect(preview.getByTestId("preview-body")).toHaveText("Hi [{{client.nickname}}: not a field of this email]");
  await expect(preview).toContainText("The marked fields cannot be filled in here");
  await card.getByRole("button", { name: "Send email to Grace Nguyen" }).click();
  await expect(card.getByText(/Unknown field \{\{client\.nickname\}\}/)).toBeVisible();
  await expect(card.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept.
  await expect(card.getByLabel("Subject")).toHaveValue("Your {{job.title}}: what to wear");

  await card.getByLabel("Message").fill("Hi {{client.first_name}},\n\nFor {{job.date}}, soft colours photograph best.");
  await expect(preview.getByTestId("preview-body").locator("p")).toHaveText([
    "Hi Grace,",
    "For Saturday, June 12, 2027, soft colours photograph best.",
  ]);
  await expect(preview).not.toContainText("cannot be filled in");
  await card.getByRole("button", { name: "Send email to Grace Nguyen" }).click();
  await expect(card.getByRole("status")).toContainText(`Sent to Grace Nguyen (${email}).`);
  // The form and its preview start again empty.
  await expect(card.getByLabel("Subject")).toHaveValue("");
  await expect(preview).toContainText("Write a subject and a message to see them here");

  const mail = await mailbox.waitFor({ to: email, subject: "Your Nguyen–Walsh Wedding: what to wear" }, 60_000);
  expect(mail.text).toContain("Hi Grace,");
  expect(mail.text).toContain("For Saturday, June 12, 2027, soft colours photograph best.");
  expect(mail.html).toContain("<p>Hi Grace,</p>");
  expect(mail.headers.from).toContain("Weddings by Test");
  expect(mail.headers["reply-to"]).toContain(signedIn.owner.email);

  // The studio's outbox and the client's history both list it.
  await page.goto("/emails");
  await expect(page.getByText("Your Nguyen–Walsh Wedding: what to wear")).toBeVisible();
  await page.goto(`/clients/${job.contactId}`);
  await expect(page.getByText("Your Nguyen–Walsh Wedding: what to wear")).toBeVisible();
});

test("the photographer writes to a client from the client's own page, in the name of the brand they last worked with", async ({
  page,
  signedIn,
  mailbox,
}) => {
  const email = `leo-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[1].id,
    title: "Moreau Family Session",
    contact: { name: "Léo Moreau", email },
  });
  await testDb().savedEmail.create({
    data: {
      studioId: signedIn.studio.id,
      name: "Season's greetings",
      about: "CLIENT",
      subject: "Season's greetings, {{client.first_name}}",
      body: "Hi {{client.first_name}},\n\nWarm wishes from all of us at {{brand.name}}.",
    },
  });
  await replicated();

  await page.goto(`/clients/${job.contactId}`);
  const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Email the client" }) });
  await expect(card).toContainText("To Léo Moreau, from Portraits by Test; replies come to you.");
  // The saved emails written to a client, from their page, are there to start from.
  await card.getByLabel("Start from a saved email").selectOption({ label: "Season's greetings" });
  await expect(card.getByRole("region", { name: "Preview" }).getByTestId("preview-subject")).toHaveText(
    "Season's greetings, Léo",
  );
  // A client's own page has no job to fill in.
  await card.getByLabel("Subject").fill("Your {{job.title}}");
  await card.getByLabel("Message").fill("Hi {{client.first_name}}");
  await expect(card.getByRole("region", { name: "Preview" })).toContainText("{{job.title}}: not a field of this email");
  await card.getByLabel("Subject").fill("A year of pictures, {{client.first_name}}");
  await card
    .getByLabel("Message")
    .fill("Hi {{client.first_name}},\n\nThank you for a wonderful year.\n\n{{brand.name}}");
  await card.getByRole("button", { name: "Send email to Léo Moreau" }).click();
  await expect(card.getByRole("status")).toContainText(`Sent to Léo Moreau (${email}).`);

  const mail = await mailbox.waitFor({ to: email, subject: "A year of pictures, Léo" }, 60_000);
  expect(mail.text).toContain("Thank you for a wonderful year.\n\nPortraits by Test");
  expect(mail.headers.from).toContain("Portraits by Test");
  // In the client's history at once.
  await expect(page.getByRole("list", { name: "History" })).toContainText("A year of pictures, Léo");
});
