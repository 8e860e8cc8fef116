import { type Page } from "@playwright/test";
import { createAdmin, randomSuffix } from "../../prisma/factories";
import { expect, reloadUntil, replicated, signIn, test, testDb } from "../fixtures";

/** A datetime-local value in the browser's own zone, `minutes` from now. */
const localInput = (page: Page, minutes: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);

test("an admin's broadcast shows on a photographer's dashboard until they dismiss it", async ({
  page,
  browser,
  studio,
}) => {
  const { user: admin, password } = await createAdmin(testDb(), { name: "Ada Admin" });
  await replicated();
  const title = `Scheduled maintenance ${randomSuffix()}`;

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Notify All Users" }).first().click();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Message").fill("ShootQ will be read-only for a few minutes on Sunday night.");
  await page.getByLabel("Starts").fill(await localInput(page, -1));
  await page.getByLabel("Ends").fill(await localInput(page, 15));
  await page.getByRole("button", { name: "Send to all users" }).click();
  await expect(page.getByText(/Broadcast scheduled/)).toBeVisible();
  const sent = page.getByRole("list", { name: "Sent broadcasts" }).getByRole("listitem").filter({ hasText: title });
  await expect(sent).toContainText("Sent by Ada Admin");
  await expect(sent).toContainText("NEW");

  const photographerContext = await browser.newContext();
  const photographer = await photographerContext.newPage();
  expect((await photographer.goto("/admin/broadcasts"))?.status()).toBe(404);
  await signIn(photographer, studio.owner.email, studio.password);
  expect((await photographer.goto("/admin/broadcasts"))?.status()).toBe(404);
  expect((await photographer.goto("/admin"))?.status()).toBe(404);

  await photographer.goto("/dashboard");
  const announcement = photographer
    .getByRole("list", { name: "Announcements from ShootQ" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await reloadUntil(photographer, async () => {
    await expect(announcement).toBeVisible({ timeout: 1_000 });
  });
  await expect(announcement).toContainText("NEW");
  await expect(announcement).toContainText("read-only for a few minutes");
  await announcement.getByRole("button", { name: `Dismiss ${title}` }).click();
  await expect(announcement).toHaveCount(0);
  await photographer.reload();
  await expect(photographer.getByText(title)).toHaveCount(0);
  await photographerContext.close();
});
