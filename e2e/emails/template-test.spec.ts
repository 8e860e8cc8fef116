import { expect, test } from "../fixtures";

test("the photographer mails themselves a test of an auto-reply before saving it, and the text stays as typed", async ({
  page,
  signedIn,
  mailbox,
}) => {
  await page.goto("/settings/emails");
  const brand = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Portraits by Test", exact: true }),
  });
  const subject = brand.getByLabel("Subject");
  const savedSubject = await subject.inputValue();

  // A field the inquiry context does not have is refused beside it, and nothing is sent.
  await subject.fill("Trying {{client.nickname}}");
  await brand.getByRole("button", { name: "Send me a test" }).click();
  await expect(brand.getByText(/Unknown field \{\{client\.nickname\}\}/)).toBeVisible();
  await expect(subject).toBeFocused();

  await subject.fill("Test drive for {{client.first_name}}");
  await brand.getByLabel("Message").fill("Hello {{client.first_name}},\n\nAbout your {{lead.event_type}}.");
  await brand.getByRole("button", { name: "Send me a test" }).click();
  await expect(brand.getByRole("status")).toHaveText(
    `A test is on its way to ${signedIn.owner.email}, with example values. Nothing was saved.`,
  );
  await expect(subject).toHaveValue("Test drive for {{client.first_name}}");

  const mail = await mailbox.waitFor({ to: signedIn.owner.email, subject: /^\[Test\] Test drive for \S+$/ });
  expect(mail.text).toMatch(/About your \S+/);
  expect(mail.headers.from).toContain("Portraits by Test");
  // Exactly one test went out: the refused attempt sent nothing.
  expect(await mailbox.find({ to: signedIn.owner.email, subject: /^\[Test\]/ })).toHaveLength(1);

  // Nothing was saved: the page shows the saved wording again.
  await page.reload();
  await expect(subject).toHaveValue(savedSubject);
});
