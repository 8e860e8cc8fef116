import { linkToken } from "../../lib/tokens";
import { createEvent, createJob } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";

test("the calendar page gives a private feed URL that calendar apps can subscribe to", async ({
  page,
  request,
  signedIn,
}) => {
  const job = await createJob(testDb(), { studioId: signedIn.studio.id, title: "Riverside Library Fundraiser" });
  await createEvent(testDb(), {
    studioId: signedIn.studio.id,
    jobId: job.id,
    name: "Event coverage",
    startsAt: new Date(Date.now() + 3 * 86_400_000),
    location: "Riverside Library",
  });
  await replicated();

  await page.goto("/calendar");
  const feedUrl = await page.getByLabel("Calendar feed URL").inputValue();
  expect(feedUrl).toMatch(new RegExp(`/api/calendar/${linkToken("calendar", signedIn.owner.id)}$`));

  const feed = await request.get(new URL(feedUrl).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("SUMMARY:Event coverage: Riverside Library Fundraiser");

  expect((await request.get("/api/calendar/no-such-token-0123456789")).status()).toBe(404);
  expect((await request.get("/api/calendar/%3Cscript%3E")).status()).toBe(404);

  // A leaked address is replaced from the same card; the old one stops opening the feed.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Get a new address" }).click();
  await expect(page.getByRole("status")).toContainText("Your calendar has a new address");
  const newUrl = await page.getByLabel("Calendar feed URL").inputValue();
  expect(newUrl).not.toBe(feedUrl);
  // Calendar apps are not pinned to the primary: the replica has the new address a moment later.
  await expect.poll(async () => (await request.get(new URL(newUrl).pathname)).status(), { timeout: 15_000 }).toBe(200);
  expect((await request.get(new URL(feedUrl).pathname)).status()).toBe(404);
});
