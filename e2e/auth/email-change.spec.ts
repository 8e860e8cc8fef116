import { expect, linkIn, signIn, test } from "../fixtures";

test("a photographer changes their sign-in email: the link emailed to the new address applies it, the old address is told", async ({
  page,
  signedIn,
  mailbox,
}) => {
  // A real email each way and three password checks: more steps than one spec's budget.
  test.slow();
  const oldEmail = signedIn.owner.email;
  const newEmail = `moved-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.getByRole("link", { name: "Settings" }).click();
  const emailForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Change email" }) });
  await emailForm.getByLabel("Email").fill(newEmail);
  await emailForm.getByLabel("Current password").fill(signedIn.password);
  await emailForm.getByRole("button", { name: "Change email" }).click();
  await expect(
    page.getByText(
      `We sent a link to ${newEmail}. Your address changes when you open it; until then, keep signing in with ${oldEmail}.`,
    ),
  ).toBeVisible();

  // Nothing changed yet: the settings still show the old address.
  await page.reload();
  await expect(emailForm.getByLabel("Email")).toHaveValue(oldEmail);

  const mail = await mailbox.waitFor({ to: newEmail, subject: "Confirm your new email address for ShootQ" });
  const link = linkIn(mail.text, "/confirm-email/");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your new email address" })).toBeVisible();
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`${newEmail} is confirmed.`)).toBeVisible();

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(emailForm.getByLabel("Email")).toHaveValue(newEmail);
  const told = await mailbox.waitFor({ to: oldEmail, subject: "Your ShootQ email address was changed" });
  expect(told.text).toContain(`The address you sign in to ShootQ with is now ${newEmail}.`);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // From now on the new address signs in.
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Start your studio" })).toBeVisible();
  await signIn(page, newEmail, signedIn.password);
});
