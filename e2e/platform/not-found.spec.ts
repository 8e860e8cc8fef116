import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";

test("an unknown job shows the studio's not-found page inside the studio, with a way back to the dashboard", async ({
  page,
  signedIn,
}) => {
  const response = await page.goto(`/jobs/${randomUUID()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that" })).toBeVisible();
  await expect(page.getByText("It may have been deleted, or the link is wrong.")).toBeVisible();
  // The studio's own header and navigation stay around the message.
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  await expect(page.getByRole("navigation", { name: "Studio" })).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: "Back to the dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: /^Welcome back/ })).toBeVisible();
});

test("an unknown client link shows the client pages' not-found page, with a way back", async ({ browser }) => {
  const context = await browser.newContext();
  const client = await context.newPage();
  const response = await client.goto(`/q/${"Z".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(client.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expect(client.getByText("Please contact the studio that sent it")).toBeVisible();
  await expect(client.getByText("Powered by ShootQ")).toBeVisible();

  await client.getByRole("link", { name: "Go to the ShootQ home page" }).click();
  await expect(
    client.getByRole("heading", { name: "Run your photography studio from one calm dashboard." }),
  ).toBeVisible();
  await context.close();
});

test("the bench's empty page does not exist outside the bench", async ({ page, signedIn }) => {
  // BENCH_PAGES=1 (npm run bench) makes /empty the studio shell around no data; nowhere else.
  const response = await page.goto("/empty");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that" })).toBeVisible();
  await expect(page.getByTestId("studio-name")).toHaveText(signedIn.studio.name);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toHaveCount(0);
});
