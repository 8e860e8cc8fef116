import { createStaff } from "../../prisma/factories";
import { startWebhookReceiver } from "../../scripts/testing/webhook-receiver";
import { expect, reloadUntil, replicated, signIn, test, testDb } from "../fixtures";

test("an owner registers a webhook, a new lead is delivered to it signed, shows in the delivery log, and is resent", async ({
  page,
  signedIn,
}) => {
  // A long journey through several pages and two deliveries by another process.
  test.slow();
  // The studio's own server, somewhere else: verifies every delivery with the Standard Webhooks library.
  const receiver = await startWebhookReceiver();
  try {
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Enter the URL that receives the webhooks.")).toBeVisible();
    await expect(page.getByText("Choose at least one event.")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Our CRM");
    await page.getByRole("checkbox", { name: /lead\.created/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("heading", { name: "Webhook endpoint" })).toBeVisible();
    await expect(page.getByText("Endpoint added.")).toBeVisible();
    await page.getByText("Show signing secret").click();
    receiver.secret = await page.getByLabel("Signing secret").inputValue();
    expect(receiver.secret).toMatch(/^whsec_/);
    const endpointUrl = page.url();

    await page.goto("/leads/new");
    await page.getByLabel("Name").fill("Harper Webhook");
    await page.getByLabel("Email").fill("harper.webhook@example.com");
    await page.getByLabel("Event type").fill("wedding");
    await page.getByRole("button", { name: "Save lead" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Harper Webhook" })).toBeVisible();

    // The worker, another process, delivers it: the log shows it once the replica has its write.
    await page.goto(endpointUrl);
    const log = page.getByRole("list", { name: "Deliveries" });
    await reloadUntil(page, async () => {
      await expect(log).toContainText("lead.created · Delivered · HTTP 200", { timeout: 1_000 });
    });
    await expect(log).toContainText("1 attempt");
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ type: "lead.created", isVerified: true });
    expect(receiver.received[0].data).toMatchObject({ name: "Harper Webhook", email: "harper.webhook@example.com" });

    await log.getByRole("button", { name: /^Resend lead\.created/ }).click();
    await expect(log.getByRole("status")).toHaveText("Queued to send again.");
    await reloadUntil(page, async () => {
      await expect(log).toContainText("2 attempts", { timeout: 1_000 });
    });
    await expect(log).toContainText("Delivered · HTTP 200");
    expect(receiver.received.map((w) => w.id)).toEqual([receiver.received[0].id, receiver.received[0].id]);
    expect(receiver.received.every((w) => w.isVerified)).toBe(true);
    expect(signedIn.studio.id).toBeTruthy();
  } finally {
    await receiver.close();
  }
});

test("a staff member cannot open the webhook settings", async ({ page, studio }) => {
  const staff = await createStaff(testDb(), studio.studio.id);
  await replicated();
  await signIn(page, staff.user.email, staff.password);
  const response = await page.goto("/settings/webhooks");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" })).toHaveCount(
    0,
  );
});
