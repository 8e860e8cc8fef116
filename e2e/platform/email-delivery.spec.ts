import { expect, reloadUntil, test } from "../fixtures";

test("an invitation reaches the invitee's mailbox in the studio's name, and its link opens the join page", async ({
  page,
  browser,
  signedIn,
  mailbox,
}) => {
  const email = `invitee-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.goto("/settings/team");
  await page.getByLabel("Email of the person to invite").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);

  // Delivered by the worker over SMTP, not read from the outbox table.
  const mail = await mailbox.waitFor({ to: email, subject: /invited you to/ });
  expect(mail.subject).toContain(signedIn.studio.name);
  expect(mail.headers["message-id"]).toMatch(/^<[^@>]+@shootq>$/);
  // Sent in the studio's name from the platform's address; a reply reaches the studio's owner.
  expect(mail.from).toBe("no-reply@shootq.test");
  expect(mail.headers.from).toContain(signedIn.studio.name);
  expect(mail.headers["reply-to"]).toContain(signedIn.owner.email);
  const link = new URL(/https?:\/\/\S+\/invite\/\S+/.exec(mail.text)![0]);

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link.pathname);
  await expect(invitee.getByRole("heading", { name: `Join ${signedIn.studio.name}` })).toBeVisible();
  await inviteeContext.close();

  // The worker's write (SENT) is someone else's: the emails page shows it once the replica has it.
  await page.goto("/emails");
  await reloadUntil(page, async () => {
    await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("Sent", { timeout: 1_000 });
  });
});
