import { expect, reloadUntil, replicated, test, testDb } from "../fixtures";

test("an email that failed for good shows on the dashboard, tells its story, and can be retried from the emails page", async ({
  page,
  signedIn,
  mailbox,
}) => {
  const to = `bounce-${Date.now()}@example.com`;
  const studioId = signedIn.studio.id;
  // As the worker leaves an email the receiving server refused three times.
  const refused = "550 mailbox unavailable";
  await testDb().emailMessage.create({
    data: {
      studioId,
      kind: "system.notice",
      to,
      subject: "Your proposal",
      params: { subject: "Your proposal", text: "Your proposal is ready." },
      status: "FAILED",
      attempts: 3,
      lastError: refused,
      events: {
        create: [
          { studioId, kind: "QUEUED" },
          ...[1, 2, 3].map(() => ({ studioId, kind: "ATTEMPT_FAILED" as const, detail: refused })),
          { studioId, kind: "FAILED" },
        ],
      },
    },
  });
  await replicated();

  await page.goto("/dashboard");
  await expect(page.getByText("One or more emails failed to send.")).toBeVisible();
  await page.getByRole("link", { name: "See and retry them" }).click();
  await expect(page.getByRole("heading", { name: "Emails" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(to) });
  await expect(row).toContainText(refused);

  // Its history, oldest first: what happened to it and what the server answered each time.
  const history = row.getByRole("list");
  await expect(history).toBeHidden();
  await row.getByText("History").click();
  await expect(history.getByRole("listitem")).toHaveText([
    /Queued$/,
    new RegExp(`Attempt failed: ${refused}$`),
    new RegExp(`Attempt failed: ${refused}$`),
    new RegExp(`Attempt failed: ${refused}$`),
    /Gave up$/,
  ]);

  await row.getByRole("button", { name: `Retry the email to ${to}` }).click();
  await expect(row.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  // The worker sends it this time; the history says so once it has.
  await mailbox.waitFor({ to, subject: "Your proposal" });
  await reloadUntil(page, async () => {
    await row.getByText("History").click();
    await expect(history.getByRole("listitem")).toHaveText([
      /Queued$/,
      /Attempt failed/,
      /Attempt failed/,
      /Attempt failed/,
      /Gave up$/,
      /Queued again$/,
      /Sent$/,
    ]);
  });

  await page.goto("/dashboard");
  await expect(page.getByText("One or more emails failed to send.")).toHaveCount(0);
});
