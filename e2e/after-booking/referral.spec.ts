import { createJob, createStudio } from "../../prisma/factories";
import { expect, reloadUntil, replicated, signIn, test, testDb } from "../fixtures";

test("a photographer refers a job to another photographer, who signs in and accepts it as a lead", async ({
  page,
  browser,
  signedIn,
}) => {
  const receiver = await createStudio(testDb(), { ownerName: "Theo Park" });
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Okafor–Reid Wedding",
    type: "wedding",
    contact: { name: "Adaeze Okafor", email: `adaeze-${Date.now()}@example.com`, phone: "(555) 010-2876" },
  });
  await replicated();

  await page.goto(`/referrals/new?jobId=${job.id}`);
  await expect(page.getByRole("heading", { name: "Refer Okafor–Reid Wedding" })).toBeVisible();
  await page.getByLabel("Photographer's email").fill(receiver.owner.email);
  await page.getByLabel("Message for them").fill("We're booked that weekend. Lovely couple!");
  await page.getByRole("button", { name: "Send referral" }).click();
  await expect(page).toHaveURL(/\/referrals$/);
  await expect(page.getByText(`to ${receiver.owner.email}`)).toBeVisible();
  await expect(page.getByText("Waiting for an answer")).toBeVisible();

  const receiverContext = await browser.newContext();
  const other = await receiverContext.newPage();
  await signIn(other, receiver.owner.email, receiver.password);
  await other.goto("/referrals");
  const offer = `${signedIn.owner.name} referred you to Okafor–Reid Wedding`;
  await reloadUntil(other, async () => {
    await expect(other.getByText(offer)).toBeVisible({ timeout: 1_000 });
  });
  await expect(other.getByText("We're booked that weekend. Lovely couple!")).toBeVisible();
  await other.getByRole("button", { name: "Accept Okafor–Reid Wedding" }).click();
  await expect(other.getByText(/^Accepted on /)).toBeVisible();
  const lead = await testDb().lead.findFirstOrThrow({ where: { studioId: receiver.studio.id } });
  expect(lead).toMatchObject({ name: "Adaeze Okafor", source: "referral", status: "NEW" });
  await receiverContext.close();

  await reloadUntil(page, async () => {
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible({ timeout: 1_000 });
  });
  await page.goto("/dashboard");
  await expect(
    page.getByRole("link", { name: "Theo Park accepted your referral for Okafor–Reid Wedding" }),
  ).toBeVisible();
});
