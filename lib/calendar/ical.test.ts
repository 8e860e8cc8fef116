import { describe, expect, it } from "vitest";
import { buildCalendarFeed } from "@/lib/calendar/ical";
import { linkToken } from "@/lib/tokens";
import { FEED_PAST_DAYS, findFeedEvents, findFeedOwner } from "@/lib/calendar/queries";
import { dbForHost, primaryDb } from "@/lib/db";
import { createEvent, createJob, createStudio } from "@/prisma/factories";

describe("the private calendar feed", () => {
  it("lists the studio's events in UTC for its owner's token, and nobody else's", async () => {
    const { studio, owner } = await createStudio(primaryDb(), { timeZone: "America/New_York", name: "Feed Studio" });
    const other = await createStudio(primaryDb());
    const job = await createJob(primaryDb(), {
      studioId: studio.id,
      title: "Chen Wedding",
      contact: { name: "Olivia Chen" },
    });
    await createEvent(primaryDb(), {
      studioId: studio.id,
      jobId: job.id,
      name: "Wedding day",
      startsAt: new Date(Date.now() + 86_400_000),
      location: "Wave Hill, Bronx",
    });
    await createEvent(primaryDb(), {
      studioId: studio.id,
      jobId: job.id,
      name: "Long ago",
      startsAt: new Date(Date.now() - (FEED_PAST_DAYS + 5) * 86_400_000),
    });
    const theirJob = await createJob(primaryDb(), { studioId: other.studio.id });
    await createEvent(primaryDb(), { studioId: other.studio.id, jobId: theirJob.id, name: "Their shoot" });

    const read = dbForHost("primary");
    const feedOwner = await findFeedOwner(read, { token: linkToken("calendar", owner.id) });
    expect(feedOwner).toMatchObject({ id: owner.id, studioId: studio.id, studio: { timeZone: "America/New_York" } });
    expect(await findFeedOwner(read, { token: "not-a-real-token-at-all" })).toBeNull();

    const events = await findFeedEvents(read, {
      studioId: studio.id,
      from: new Date(Date.now() - FEED_PAST_DAYS * 86_400_000),
    });
    const ics = buildCalendarFeed({
      studioName: "Feed Studio",
      timeZone: "America/New_York",
      origin: "https://app.example",
      events,
    });
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain("SUMMARY:Wedding day: Chen Wedding");
    expect(ics).toContain("LOCATION:Wave Hill\\, Bronx");
    expect(ics).toContain("X-WR-TIMEZONE:America/New_York");
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(ics).not.toContain("Long ago");
    expect(ics).not.toContain("Their shoot");
  });
});
