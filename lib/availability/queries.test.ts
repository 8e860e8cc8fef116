import { describe, expect, it } from "vitest";
import { zonedInstant } from "@/lib/calendar/zoned";
import { dbForHost, primaryDb } from "@/lib/db";
import { findLeadAvailability } from "@/lib/availability/queries";
import { createEvent, createJob, createLead, createStudio, dateOnly } from "@/prisma/factories";

const db = () => primaryDb();
const read = () => dbForHost("primary");
const TZ = "America/Los_Angeles";
const day = (key: string) => dateOnly(new Date(`${key}T00:00:00Z`));

async function availabilityOf(studioId: string, leads: Awaited<ReturnType<typeof createLead>>[], jobsPerDay = 1) {
  const found = await findLeadAvailability(read(), { studioId, timeZone: TZ, jobsPerDay, leads });
  return leads.map((l) => found.get(l.id)?.label ?? "—");
}

describe("date availability", () => {
  it("a lead's date is Booked when a booked job is on it (by its date or one of its events, in the studio's time zone), else Available", async () => {
    const { studio } = await createStudio(db(), { timeZone: TZ });
    const studioId = studio.id;
    await createJob(db(), { studioId, title: "Nguyen–Walsh Wedding", status: "BOOKED", date: day("2027-06-12") });
    // An evening event on 19 June in Los Angeles is already 20 June in UTC.
    const party = await createJob(db(), { studioId, title: "Rossi Party", status: "BOOKED", date: null });
    await createEvent(db(), { studioId, jobId: party.id, startsAt: zonedInstant("2027-06-19", "20:30", TZ) });
    // Jobs that are not booked do not take the day.
    await createJob(db(), { studioId, title: "Maybe Wedding", status: "PROPOSED", date: day("2027-06-26") });
    await createJob(db(), { studioId, title: "Called Off", status: "CANCELLED", date: day("2027-06-26") });

    const leads = await Promise.all(
      ["2027-06-12", "2027-06-19", "2027-06-20", "2027-06-26"].map((d) =>
        createLead(db(), { studioId, status: "NEW", eventDate: day(d) }),
      ),
    );
    const undated = await createLead(db(), { studioId, status: "NEW", eventDate: null });
    const lost = await createLead(db(), { studioId, status: "LOST", eventDate: day("2027-06-12") });
    expect(await availabilityOf(studioId, [...leads, undated, lost])).toEqual([
      "Booked: Nguyen–Walsh Wedding",
      "Booked: Rossi Party",
      "Available",
      "Available",
      // No date, or no longer open: nothing to say about the date.
      "—",
      "—",
    ]);
  });

  it("a studio that takes two jobs a day stays Available until the second, and a lead's own job does not count against it", async () => {
    const { studio } = await createStudio(db(), { timeZone: TZ });
    const studioId = studio.id;
    const first = await createJob(db(), {
      studioId,
      title: "Morning Portraits",
      status: "BOOKED",
      date: day("2027-07-03"),
    });
    const lead = await createLead(db(), { studioId, status: "PROPOSAL_SENT", eventDate: day("2027-07-03") });
    expect(await availabilityOf(studioId, [lead], 2)).toEqual(["Available"]);
    await createJob(db(), { studioId, title: "Evening Gala", status: "BOOKED", date: day("2027-07-03") });
    expect(await availabilityOf(studioId, [lead], 2)).toEqual(["Booked: Evening Gala, Morning Portraits"]);
    const ownLead = await createLead(db(), {
      studioId,
      status: "PROPOSAL_SENT",
      eventDate: day("2027-07-03"),
      jobId: first.id,
    });
    expect(await availabilityOf(studioId, [ownLead], 2)).toEqual(["Available"]);
  });

  it("never counts another studio's bookings", async () => {
    const mine = await createStudio(db(), { timeZone: TZ });
    const theirs = await createStudio(db(), { timeZone: TZ });
    await createJob(db(), {
      studioId: theirs.studio.id,
      title: "Their Wedding",
      status: "BOOKED",
      date: day("2027-08-07"),
    });
    const lead = await createLead(db(), { studioId: mine.studio.id, status: "NEW", eventDate: day("2027-08-07") });
    expect(await availabilityOf(mine.studio.id, [lead])).toEqual(["Available"]);
  });
});
