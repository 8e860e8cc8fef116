import { expect, test } from "../fixtures";

test("a photographer signs up, lands in their studio, signs out and signs back in", async ({ page }) => {
  const email = `owner-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.goto("/");
  await page.getByRole("link", { name: "Start your studio" }).click();
  await page.getByLabel("Your name").fill("Avery Stone");
  await page.getByLabel("Studio name").fill("Stone & Light");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create studio" }).click();

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
