import { expect, replicated, test, testDb } from "../fixtures";

test("an email that failed for good shows on the dashboard and can be retried from the emails page", async ({
  page,
  signedIn,
}) => {
  const to = `bounce-${Date.now()}@example.com`;
  await testDb().emailMessage.create({
    data: {
      studioId: signedIn.studio.id,
      kind: "system.notice",
      to,
      subject: "Your proposal",
      params: { subject: "Your proposal", text: "…" },
      status: "FAILED",
      attempts: 5,
      lastError: "550 mailbox unavailable",
    },
  });
  await replicated();

  await page.goto("/dashboard");
  await expect(page.getByText("One or more emails failed to send.")).toBeVisible();
  await page.getByRole("link", { name: "See and retry them" }).click();
  await expect(page.getByRole("heading", { name: "Emails" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(to) });
  await expect(row).toContainText("550 mailbox unavailable");
  await row.getByRole("button", { name: `Retry the email to ${to}` }).click();
  await expect(row.getByRole("button", { name: /Retry/ })).toHaveCount(0);

  await page.goto("/dashboard");
  await expect(page.getByText("One or more emails failed to send.")).toHaveCount(0);
});
