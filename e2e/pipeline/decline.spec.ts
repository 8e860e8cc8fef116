import { hashToken, newToken } from "../../lib/tokens";
import { createJob } from "../../prisma/factories";
import { expect, reloadUntil, replicated, test, testDb } from "../fixtures";

async function sentProposal(studioId: string, jobTitle: string, expiresAt: Date) {
  const job = await createJob(testDb(), { studioId, title: jobTitle, status: "PROPOSED" });
  const token = newToken();
  await testDb().proposal.create({
    data: {
      studioId,
      jobId: job.id,
      title: "Portrait Collection",
      status: "SENT",
      tokenHash: hashToken(token),
      sentAt: new Date(),
      expiresAt,
      depositCents: 20_000,
      items: { create: [{ position: 0, description: "Two-hour session", unitPriceCents: 80_000 }] },
    },
  });
  return { job, token };
}

test("a client who declines the proposal notifies the photographer", async ({ browser, page, signedIn }) => {
  const { token } = await sentProposal(
    signedIn.studio.id,
    "Okafor Family Portraits",
    new Date(Date.now() + 7 * 86_400_000),
  );
  await replicated();

  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(`/p/${token}`);
  await expect(client.getByTestId("proposal-total")).toHaveText("$800.00");
  await client.getByRole("button", { name: "Decline" }).click();
  await expect(client.getByRole("status")).toContainText(
    /You declined this proposal on .*Thank you for letting us know\./,
  );
  await client.reload();
  await expect(client.getByText(/You declined this proposal on/)).toBeVisible();
  await expect(client.getByRole("button", { name: "Accept proposal" })).toHaveCount(0);
  await clientContext.close();

  await page.goto("/dashboard");
  const notification = page.getByRole("link", {
    name: "Your most recent proposal for Okafor Family Portraits was declined",
  });
  await reloadUntil(page, async () => {
    await expect(notification).toBeVisible({ timeout: 1000 });
  });
  await page.getByRole("button", { name: "Mark read" }).first().click();
  await expect(notification).toHaveCount(0);
  await expect(page.getByText("You're all caught up.")).toBeVisible();
  // A zero count is not news: the line is hidden rather than saying "0".
  await expect(page.getByTestId("bookings-to-review")).toHaveCount(0);
});

test("an expired or unknown proposal link shows a friendly page without buttons", async ({ browser, signedIn }) => {
  const { token } = await sentProposal(signedIn.studio.id, "Expired Job", new Date(Date.now() - 60_000));
  await replicated();
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  for (const path of [`/p/${token}`, `/p/${"A".repeat(43)}`, "/p/not-a-token"]) {
    const response = await client.goto(path);
    expect(response?.status()).toBe(404);
    await expect(client.getByRole("heading", { name: "This proposal is no longer available" })).toBeVisible();
    await expect(client.getByRole("button", { name: "Accept proposal" })).toHaveCount(0);
  }
  await clientContext.close();
});
