import { type Page } from "@playwright/test";
import { expect, reloadUntil, test } from "../fixtures";

/** Creates a read-and-write token in Settings → API tokens, as an owner does, and returns it. */
async function createToken(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Access").selectOption({ label: "Read and write" });
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText(`Token "${name}" created`);
  const secret = await page.getByLabel("Your new API token").inputValue();
  expect(secret).toMatch(/^sq_live_/);
  return secret;
}

test("an owner creates an API token, a website adds a lead with it, the lead shows in ShootQ, and a revoked token stops working", async ({
  page,
  request,
  signedIn,
}) => {
  const secret = await createToken(page, "Website");
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText("Website");
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText("never used");

  // The studio's website, somewhere else, sends an inquiry through the API.
  const email = `api-e2e-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await request.post("/api/v1/leads", {
    headers: { authorization: `Bearer ${secret}`, "idempotency-key": `e2e-${email}` },
    data: { name: "Avery From The Website", email, eventType: "wedding", eventDate: "2027-09-18" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(created.headers()["location"]).toBe(`/api/v1/leads/${id}`);
  const readAfter = created.headers()["x-shootq-read-after"];
  const got = await request.get(`/api/v1/leads/${id}`, {
    headers: { authorization: `Bearer ${secret}`, ...(readAfter ? { "x-shootq-read-after": readAfter } : {}) },
  });
  expect(got.status()).toBe(200);
  expect(await got.json()).toMatchObject({ id, email, status: "NEW" });

  // The API client's write is not this browser's: it shows once the replica has it.
  await page.goto("/leads");
  await reloadUntil(page, async () => {
    await expect(page.getByRole("link", { name: "Avery From The Website" })).toBeVisible({ timeout: 1_000 });
  });
  await page.getByRole("link", { name: "Avery From The Website" }).click();
  await expect(page.getByText(email)).toBeVisible();

  await page.goto("/settings/api-tokens");
  await reloadUntil(page, async () => {
    await expect(page.getByRole("list", { name: "API tokens" })).toContainText("last used", { timeout: 1_000 });
  });
  await page.getByRole("button", { name: "Revoke Website" }).click();
  // The revoked token stays listed, marked, without its button (the form and its message go with it).
  await expect(page.getByRole("button", { name: "Revoke Website" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "API tokens" })).toContainText("revoked");
  const refused = await request.get("/api/v1/leads", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(signedIn.studio.id).toBeTruthy();
});

test("a lead's stage changed through the API shows on the lead's page", async ({ page, request, signedIn }) => {
  expect(signedIn.owner.email).toBeTruthy();
  const secret = await createToken(page, "Back office");
  const auth = { authorization: `Bearer ${secret}` };
  const email = `api-patch-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await request.post("/api/v1/leads", {
    headers: auth,
    data: { name: "Robin From The Back Office", email, eventType: "portrait" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/leads/${id}`);
  await reloadUntil(page, async () => {
    await expect(page.getByRole("heading", { name: "Robin From The Back Office" })).toBeVisible({ timeout: 1_000 });
  });
  await expect(page.getByLabel("Stage")).toHaveValue("NEW");

  // The studio's back office moves the lead on; the person looking at it sees the new stage.
  const patched = await request.patch(`/api/v1/leads/${id}`, {
    headers: auth,
    data: { status: "CONTACTED", phone: "555 0142" },
  });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ id, status: "CONTACTED", phone: "555 0142" });
  await reloadUntil(page, async () => {
    await expect(page.getByLabel("Stage")).toHaveValue("CONTACTED", { timeout: 1_000 });
  });
  await expect(page.getByText("555 0142")).toBeVisible();
  // A field the edit form does not have is refused and changes nothing.
  const refused = await request.patch(`/api/v1/leads/${id}`, { headers: auth, data: { source: "website" } });
  expect(refused.status()).toBe(400);
  await page.reload();
  await expect(page.getByText("(api)")).toBeVisible();
});
