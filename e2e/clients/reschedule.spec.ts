import { createEvent, createJob, createTask, dateOnly } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";
import { dayInZone } from "../pipeline/helpers";

const TZ = "America/New_York";
/** 5 pm on `dayKey` in New York, as the workflow sets due times (standard or daylight time). */
const fivePm = (dayKey: string) => {
  const probe = new Date(`${dayKey}T17:00:00Z`);
  const offset =
    Number(
      new Intl.DateTimeFormat("en-US", { timeZone: TZ, timeZoneName: "shortOffset" })
        .formatToParts(probe)
        .find((p) => p.type === "timeZoneName")!
        .value.replace("GMT", ""),
    ) || 0;
  return new Date(probe.getTime() - offset * 3_600_000);
};
const short = (dayKey: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }).format(
    new Date(`${dayKey}T00:00:00Z`),
  );

test("a photographer moves a wedding by two weeks and watches its tasks move, then undoes it", async ({
  page,
  signedIn,
}) => {
  const weddingDay = dayInZone(60);
  const later = dayInZone(74);
  const job = await createJob(testDb(), {
    studioId: signedIn.studio.id,
    title: "Nguyen–Walsh Wedding",
    status: "BOOKED",
    date: dateOnly(new Date(`${weddingDay}T00:00:00Z`)),
  });
  const designDue = dayInZone(74);
  const orderDue = dayInZone(81);
  await createTask(testDb(), {
    studioId: signedIn.studio.id,
    jobId: job.id,
    position: 0,
    name: "Album Design",
    dueAt: fivePm(designDue),
  });
  await createTask(testDb(), {
    studioId: signedIn.studio.id,
    jobId: job.id,
    position: 1,
    name: "Place order",
    dueAt: fivePm(orderDue),
  });
  await createEvent(testDb(), {
    studioId: signedIn.studio.id,
    jobId: job.id,
    name: "Wedding day",
    startsAt: new Date(`${weddingDay}T19:00:00Z`),
    endsAt: new Date(`${weddingDay}T23:00:00Z`),
  });
  await replicated();

  await page.goto(`/jobs/${job.id}`);
  await page.getByLabel("New date").fill(later);
  await page.getByRole("button", { name: "Preview the move" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}/reschedule\\?date=${later}`));
  await expect(
    page.getByText(`Nguyen–Walsh Wedding moves from ${short(weddingDay)} to ${short(later)} (14 days later).`),
  ).toBeVisible();
  const moves = page.getByRole("table", { name: "What moves with the job" });
  const cells = (what: RegExp) => moves.getByRole("row", { name: what }).getByRole("cell");
  await expect(cells(/Album Design/)).toHaveText([
    "Task: Leather Album → Album Design",
    short(designDue),
    short(dayInZone(88)),
  ]);
  await expect(cells(/Place order/)).toHaveText([
    "Task: Leather Album → Place order",
    short(orderDue),
    short(dayInZone(95)),
  ]);
  await expect(cells(/Wedding day/).first()).toHaveText("Event: Wedding day");
  await expect(page.getByLabel(/^Wedding day/)).toBeChecked();

  await page.getByRole("button", { name: "Apply the new date" }).click();
  await expect(
    page.getByText(`Moved to ${short(later)} with 2 tasks and 1 event. You can undo this on the job page.`),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Nguyen–Walsh Wedding" })).toBeVisible();
  await expect(page.getByText(short(later), { exact: true })).toBeVisible();

  // The workflow page reads from the replica, 3 s behind: the reschedule's pin shows the new dates.
  await page.getByRole("link", { name: "Workflow", exact: true }).click();
  const tasks = page.getByRole("list", { name: "Tasks" });
  await expect(tasks.getByRole("listitem").filter({ hasText: "Album Design" })).toContainText(
    `Due ${short(dayInZone(88)).replace(/, \d{4}$/, "")}`,
  );

  await page.getByRole("link", { name: "Back to the job" }).click();
  await page.getByRole("button", { name: "Undo reschedule" }).click();
  await expect(
    page.getByText(`Undone: the job is back on ${short(weddingDay)}, with everything that moved.`),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo reschedule" })).toHaveCount(0);
  await page.getByRole("link", { name: "Workflow", exact: true }).click();
  await expect(tasks.getByRole("listitem").filter({ hasText: "Album Design" })).toContainText(
    `Due ${short(designDue).replace(/, \d{4}$/, "")}`,
  );
});
