import { expect, test } from "../fixtures";

test("a brand's auto-reply, written in settings, answers an inquiry in the brand's name within a minute", async ({
  browser,
  page,
  signedIn,
  mailbox,
}) => {
  await page.goto("/settings/emails");
  await expect(page.getByRole("heading", { level: 1, name: "Emails" })).toBeVisible();
  const brand = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Portraits by Test", exact: true }),
  });
  await brand.getByLabel("Subject").fill("Portraits by Test got your note, {{client.first_name}}");
  await brand.getByLabel("Message").fill("Hi {{client.nickname}},\n\nWe will call you about your {{lead.event_type}}.");
  await brand.getByRole("button", { name: "Save Portraits by Test's auto-reply" }).click();
  await expect(brand.getByText(/Unknown field \{\{client\.nickname\}\}/)).toBeVisible();
  await expect(brand.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");

  await brand
    .getByLabel("Message")
    .fill("Hi {{client.first_name}},\n\nWe will call you about your {{lead.event_type}}.");
  await brand.getByRole("button", { name: "Save Portraits by Test's auto-reply" }).click();
  await expect(brand.getByRole("status")).toHaveText("Auto-reply saved.");
  const preview = page.getByRole("region", { name: "Preview of Portraits by Test's auto-reply" });
  await expect(preview).toContainText("Portraits by Test got your note, Grace");
  await expect(preview).toContainText("We will call you about your wedding.");

  const email = `ana-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const client = await browser.newContext();
  const inquiry = await client.newPage();
  await inquiry.goto(`/inquire/${signedIn.studio.slug}`);
  await inquiry.getByLabel("Your name").fill("Ana Lima");
  await inquiry.getByLabel("Email").fill(email);
  await inquiry.getByLabel("Type of event").fill("family portrait");
  await inquiry.getByLabel("Which service?").selectOption({ label: "Portraits by Test" });
  await inquiry.getByRole("button", { name: "Send inquiry" }).click();
  await expect(inquiry.getByRole("status")).toContainText("Thank you, Ana Lima!");
  await client.close();

  const mail = await mailbox.waitFor({ to: email, subject: "Portraits by Test got your note, Ana" }, 60_000);
  expect(mail.text).toContain("We will call you about your family portrait.");
  expect(mail.html).toContain("<p>Hi Ana,</p>");
  expect(mail.headers.from).toContain("Portraits by Test");
  expect(mail.headers["reply-to"]).toContain(signedIn.owner.email);
});
