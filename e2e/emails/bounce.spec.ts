import { createJob } from "../../prisma/factories";
import { deliveryReport, sendToBounceReceiver } from "../../scripts/testing/delivery-report";
import { expect, reloadUntil, replicated, test, testDb } from "../fixtures";

test("an email the client's server returns shows as bounced, with the server's words, in What's New and on the emails page", async ({
  page,
  signedIn,
  mailbox,
}) => {
  const email = `no-such-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    brandId: signedIn.brands[0].id,
    title: "Okafor Engagement",
    contact: { name: "Ada Okafor", email },
  });
  await replicated();

  await page.goto(`/jobs/${job.id}`);
  const card = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Email the client" }) });
  await card.getByLabel("Subject").fill("Your engagement session");
  await card.getByLabel("Message").fill("Hi {{client.first_name}}, see you on Saturday.");
  await card.getByRole("button", { name: "Send email to Ada Okafor" }).click();
  await expect(card.getByRole("status")).toContainText(`Sent to Ada Okafor (${email}).`);

  // The client's server accepts it, then finds no such mailbox and reports back to the address
  // the email was sent from (its envelope sender, one per email).
  const sent = await mailbox.waitFor({ to: email, subject: "Your engagement session" }, 60_000);
  expect(sent.envelopeFrom).toMatch(/^bounces\+.+@shootq\.test$/);
  const diagnostic = `550 5.1.1 <${email}>: Recipient address rejected: User unknown`;
  await sendToBounceReceiver(
    Number(process.env.BOUNCE_SMTP_PORT),
    sent.envelopeFrom,
    deliveryReport({ recipient: email, bounceAddress: sent.envelopeFrom }),
  );

  await page.goto("/dashboard");
  await reloadUntil(page, () =>
    expect(page.getByText(`An email to ${email} bounced ("Your engagement session")`)).toBeVisible(),
  );
  await page.getByRole("link", { name: `An email to ${email} bounced ("Your engagement session")` }).click();
  await expect(page.getByRole("heading", { name: "Emails" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(email) });
  // Its status, before the (folded) history that also says it.
  await expect(row.getByText("Bounced", { exact: true }).first()).toBeVisible();
  await expect(row).toContainText(`Returned by the recipient's server: 5.1.1 ${diagnostic}. Check the address`);
  // Nothing to retry: the same address would bounce again.
  await expect(row.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await row.getByText("History").click();
  await expect(row.getByRole("list").getByRole("listitem")).toHaveText([
    /Queued$/,
    /Sent$/,
    new RegExp(`Bounced: 5\\.1\\.1 ${diagnostic.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
  ]);
});
