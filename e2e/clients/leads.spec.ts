import { createLead } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("a lead is edited, archived out of the list and restored", async ({ page, signedIn }) => {
  const lead = await createLead(testDb(), {
    studioId: signedIn.studio.id,
    name: "Marcus Reid",
    email: "marcus@example.com",
    eventType: "portrait",
    status: "CONTACTED",
  });
  await replicated();

  await page.goto(`/leads/${lead.id}`);
  await page.getByRole("link", { name: "Edit lead" }).click();
  await page.getByLabel("Name").fill("Marcus Reid-Lawson");
  await page.getByLabel("Email").fill("nope");
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Marcus Reid-Lawson");
  await page.getByLabel("Email").fill("marcus.lawson@example.com");
  await page.getByLabel("Event type").fill("headshots");
  await page.getByLabel("Brand").selectOption({ label: "Portraits by Test" });
  await page.getByRole("button", { name: "Save lead" }).click();
  await expect(page.getByText("Lead saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Marcus Reid-Lawson" })).toBeVisible();
  await expect(page.getByText("marcus.lawson@example.com").first()).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Archive lead" }).click();
  await expect(page.getByText("Archived. It has left your lists; restore it any time.")).toBeVisible();

  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Leads" }).click();
  await expect(page.getByRole("row", { name: /Marcus Reid-Lawson/ })).toHaveCount(0);
  // The filter applies as soon as it changes: no Apply button.
  await page.getByLabel("Show").selectOption({ label: "Archived" });
  await expect(page).toHaveURL(/status=archived/);
  await expect(page.getByRole("row", { name: /Marcus Reid-Lawson/ })).toContainText("Portraits by Test");
  await page.getByRole("link", { name: "Marcus Reid-Lawson" }).click();
  await page.getByRole("button", { name: "Restore lead" }).click();
  await expect(page.getByText("Restored.")).toBeVisible();
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Leads" }).click();
  await expect(page.getByRole("row", { name: /Marcus Reid-Lawson/ })).toContainText("Contacted");
});

test("a lead is referred to another photographer from its own page", async ({ page, signedIn }) => {
  const lead = await createLead(testDb(), {
    studioId: signedIn.studio.id,
    name: "Hannah Sato",
    email: "hannah.sato@example.com",
    eventType: "portrait",
    message: "Family session in the fall",
  });
  await replicated();
  const toEmail = `colleague-${Date.now()}@example.com`;

  await page.goto(`/leads/${lead.id}`);
  await page.getByRole("link", { name: "Refer to another photographer" }).click();
  await expect(page.getByRole("heading", { name: "Refer Hannah Sato – Portrait" })).toBeVisible();
  await page.getByLabel("Photographer's email").fill(toEmail);
  await page.getByRole("button", { name: "Send referral" }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  await expect(page.getByText(`to ${toEmail}`)).toBeVisible();
  await expect(page.getByText("Hannah Sato – Portrait").first()).toBeVisible();
});
