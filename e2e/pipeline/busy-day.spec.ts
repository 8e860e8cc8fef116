import { createEvent, createJob } from "../../prisma/factories";
import { expect, replicated, test, testDb } from "../fixtures";
import { dayInZone, dayLabel } from "./helpers";

test("a day with more events than the dashboard lists shows its first five and opens the calendar on that day for the rest", async ({
  page,
  signedIn,
}) => {
  const studioId = signedIn.studio.id;
  const job = await createJob(testDb(), { studioId, title: "Harbor Regatta" });
  const day = dayInZone(2);
  // Eight heats on one day, 15:00 to 22:00 UTC: 10:00 to 17:00 (11:00 to 18:00 in summer) in the
  // studio's New York, all on that date.
  for (let heat = 1; heat <= 8; heat++) {
    await createEvent(testDb(), {
      studioId,
      jobId: job.id,
      name: `Heat ${heat}`,
      startsAt: new Date(`${day}T${String(14 + heat).padStart(2, "0")}:00:00Z`),
      endsAt: new Date(`${day}T${String(14 + heat).padStart(2, "0")}:45:00Z`),
    });
  }
  await replicated();

  await page.goto("/dashboard");
  const busyDay = page.getByRole("list", { name: "What's Happening" }).getByRole("listitem", { name: dayLabel(day) });
  for (const heat of [1, 2, 3, 4, 5]) await expect(busyDay).toContainText(`Heat ${heat}`);
  for (const heat of [6, 7, 8]) await expect(busyDay).not.toContainText(`Heat ${heat}`);

  await busyDay.getByRole("link", { name: `3 more on ${dayLabel(day)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/calendar\\?week=${day}$`));
  const onCalendar = page.getByRole("list", { name: "Week" }).getByRole("listitem", { name: dayLabel(day) });
  for (let heat = 1; heat <= 8; heat++) await expect(onCalendar).toContainText(`Heat ${heat}`);
  await expect(onCalendar.getByRole("link", { name: /more on/ })).toHaveCount(0);
});
