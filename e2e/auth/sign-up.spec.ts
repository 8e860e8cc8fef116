import { expect, linkIn, signIn, test, watchCsp } from "../fixtures";

test("a photographer signs up, confirms their address from the email, lands in their studio, signs out and signs back in", async ({
  page,
  mailbox,
}) => {
  // A whole journey through a real email and three password hashes: more steps than one spec's budget.
  test.slow();
  const email = `owner-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.goto("/");
  await page.getByRole("link", { name: "Start your studio" }).click();
  await page.getByLabel("Your name").fill("Avery Stone");
  await page.getByLabel("Studio name").fill("Stone & Light");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await mailbox.waitFor({ to: email, subject: "Confirm your email address for ShootQ" });
  await page.goto(linkIn(mail.text, "/confirm-email/"));
  await page.getByRole("button", { name: "Confirm and open my studio" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("studio-name")).toHaveText("Stone & Light");
  await expect(page.getByRole("navigation", { name: "Studio" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Start your studio" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("studio-name")).toHaveText("Stone & Light");
});

test("sign-up explains every invalid field and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a wrong password is refused with a clear message", async ({ page, studio }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(studio.owner.email);
  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match.")).toBeVisible();
});

test("signing up with an address that has an account answers the same, and the email says so", async ({
  page,
  studio,
  mailbox,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Studio name").fill("Squatter Studio");
  await page.getByLabel("Email").fill(studio.owner.email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create studio" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await mailbox.waitFor({ to: studio.owner.email, subject: "You already have a ShootQ account" });
  // Nothing changed for the owner.
  await signIn(page, studio.owner.email, studio.password);
});

test("forgot password: the emailed link sets a new password and signs out every other browser", async ({
  page,
  browser,
  studio,
  mailbox,
}) => {
  // Two browsers, a real email and four password hashes: more steps than one spec's budget.
  test.slow();
  // Another browser, signed in before the reset.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const checkOther = await watchCsp(otherPage);
  await signIn(otherPage, studio.owner.email, studio.password);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an "Email" field too: fill only once the client navigation has arrived.
  await expect(page.getByRole("heading", { name: "Forgot your password?", level: 1 })).toBeVisible();
  await page.getByLabel("Email").fill(studio.owner.email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText(`If ${studio.owner.email} has a ShootQ account, we sent it a link`)).toBeVisible();

  const mail = await mailbox.waitFor({ to: studio.owner.email, subject: "Reset your ShootQ password" });
  await page.goto(linkIn(mail.text, "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-2026");
  await page.getByLabel("Confirm new password").fill("a-new-password-2026");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The other browser's session ended with the reset.
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  // The old password no longer works; the new one does.
  await otherPage.getByLabel("Email").fill(studio.owner.email);
  await otherPage.getByLabel("Password").fill(studio.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByText("That email and password do not match.")).toBeVisible();
  await signIn(otherPage, studio.owner.email, "a-new-password-2026");
  checkOther();
  await other.close();

  // The link works once.
  await page.goto(linkIn(mail.text, "/reset-password/"));
  await expect(page.getByRole("heading", { name: /not valid|expired/i })).toBeVisible();
});

test("a sign-in link that would leave ShootQ after signing in stays on ShootQ", async ({ page, studio }) => {
  for (const target of ["/\\evil.example", "/%5Cevil.example", "//evil.example", "javascript:alert(1)"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("Email").fill(studio.owner.email);
    await page.getByLabel("Password").fill(studio.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    expect(new URL(page.url()).host, target).toBe(new URL(process.env.APP_URL!).host);
  }
});
