import { expect, linkIn, queuedEmail, reloadUntil, signIn, test } from "../fixtures";

test("an owner invites a staff member who accepts, works in the studio, and loses access when removed", async ({
  page,
  browser,
  signedIn,
}) => {
  const email = `staff-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Email of the person to invite").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  await expect(page.getByRole("list", { name: "Open invitations" })).toContainText(email);

  // The invitation travels by email: render the queued one as the worker would send it.
  const mail = await queuedEmail({ to: email, kind: "staff.invite" });
  const link = new URL(linkIn(mail.text, "/invite/"));

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(link.pathname);
  await expect(staff.getByRole("heading", { name: `Join ${signedIn.studio.name}` })).toBeVisible();
  await staff.getByLabel("Your name").fill("Riley Second-Shooter");
  await staff.getByLabel("Choose a password").fill("second-shooter-pass");
  await staff.getByRole("button", { name: "Join the studio" }).click();
  await expect(staff).toHaveURL(/\/dashboard$/);
  await expect(staff.getByTestId("studio-name")).toHaveText(signedIn.studio.name);

  // Staff see the team but cannot reach billing or manage anyone.
  await staff.goto("/settings/team");
  await expect(staff.getByRole("list", { name: "Team members" })).toContainText("Riley Second-Shooter");
  await expect(staff.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  const billing = await staff.goto("/settings/billing");
  expect(billing?.status()).toBe(404);

  // The new member is someone else's write for the owner: it shows once the replica has it.
  await reloadUntil(page, async () => {
    await expect(page.getByRole("button", { name: "Remove Riley Second-Shooter" })).toBeVisible({ timeout: 1_000 });
  });
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Remove Riley Second-Shooter" }).click();
  await expect(page.getByRole("status")).toHaveText("Team member removed. They can no longer sign in.");

  await staff.goto("/dashboard");
  await expect(staff).toHaveURL(/\/sign-in/);
  await staffContext.close();
});

test("a used invitation link says so instead of failing", async ({ page }) => {
  await page.goto("/invite/not-a-real-token-but-long-enough-123");
  await expect(page.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();
});

test("an owner renames the studio and adds a brand, and the header shows them at once", async ({ page, signedIn }) => {
  await page.goto("/settings/studio");
  await page.getByLabel("Studio name").fill(`${signedIn.studio.name} Renamed`);
  await page.getByRole("button", { name: "Save studio" }).click();
  await expect(page.getByText("Studio settings saved.")).toBeVisible();
  await expect(page.getByTestId("studio-name")).toHaveText(`${signedIn.studio.name} Renamed`);

  await page.getByLabel("New brand name").fill("Elopements by Test");
  await page.getByRole("button", { name: "Add brand" }).click();
  await expect(page.getByText('Brand "Elopements by Test" added.')).toBeVisible();
  await expect(page.getByLabel("for:")).toContainText("Elopements by Test");

  await page.getByLabel("New brand name").fill("x");
  await page.getByRole("button", { name: "Add brand" }).click();
  await expect(page.getByText("Enter a brand name.")).toBeVisible();
});

test("a photographer changes their password and signs in with the new one", async ({ page, signedIn }) => {
  await page.goto("/settings");
  await page.getByLabel("Current password").last().fill("wrong-current");
  await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
  await page.getByLabel("Confirm new password").fill("brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not correct.")).toBeVisible();

  await page.getByLabel("Current password").last().fill(signedIn.password);
  await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
  await page.getByLabel("Confirm new password").fill("brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Start your studio" })).toBeVisible();
  await signIn(page, signedIn.owner.email, "brand-new-password");
});
