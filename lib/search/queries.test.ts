import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb } from "@/lib/db";
import { searchStudio } from "@/lib/search/queries";
import { createContact, createEvent, createJob, createLead, createStudio } from "@/prisma/factories";

const db = () => primaryDb();
const read = () => dbForHost("primary");

describe("studio search", () => {
  it("finds clients, leads, jobs and events by part of a name, email, title or place, grouped by kind", async () => {
    const { studio } = await createStudio(db());
    const studioId = studio.id;
    const tag = Math.random().toString(36).slice(2, 7);
    const surname = `Okaforwitz${tag}`;
    const client = await createContact(db(), {
      studioId,
      name: `Adaeze ${surname}`,
      email: `adaeze.${tag}@example.com`,
    });
    const lead = await createLead(db(), { studioId, name: `Chidi ${surname}`, email: `chidi@example.com` });
    const job = await createJob(db(), { studioId, contactId: client.id, title: `${surname} Wedding` });
    const event = await createEvent(db(), {
      studioId,
      jobId: job.id,
      name: "Rehearsal dinner",
      location: `Casa ${surname}`,
    });
    await createLead(db(), { studioId, name: "Someone Else", email: "else@example.com" });

    // Half of the surname, in other letters' case.
    const groups = await searchStudio(read(), { studioId, q: surname.slice(0, 8).toUpperCase(), timeZone: "UTC" });
    expect(groups.map((g) => [g.label, g.hits.map((h) => h.id)])).toEqual([
      ["Clients", [client.id]],
      ["Leads", [lead.id]],
      ["Jobs", [job.id]],
      ["Events", [event.id]],
    ]);
    expect(groups[0].hits[0]).toMatchObject({ title: `Adaeze ${surname}`, href: `/clients/${client.id}` });
    expect(groups[3].hits[0].href).toBe(`/jobs/${job.id}`);
    // By email.
    expect((await searchStudio(read(), { studioId, q: `adaeze.${tag}`, timeZone: "UTC" })).map((g) => g.kind)).toEqual([
      "client",
    ]);
    // Too short to mean anything.
    expect(await searchStudio(read(), { studioId, q: "ok", timeZone: "UTC" })).toEqual([]);
  });

  it("never finds another studio's rows, whatever the words", async () => {
    const mine = await createStudio(db());
    const theirs = await createStudio(db());
    const secret = `Zq${Math.random().toString(36).slice(2, 9)}`;
    const theirJob = await createJob(db(), {
      studioId: theirs.studio.id,
      title: `${secret} Gala`,
      contact: { name: `Client ${secret}`, email: `${secret.toLowerCase()}@example.com` },
    });
    await createLead(db(), { studioId: theirs.studio.id, name: `Lead ${secret}` });
    await createEvent(db(), {
      studioId: theirs.studio.id,
      jobId: theirJob.id,
      name: `Event ${secret}`,
      location: secret,
    });
    expect(await searchStudio(read(), { studioId: mine.studio.id, q: secret, timeZone: "UTC" })).toEqual([]);
    expect(
      (await searchStudio(read(), { studioId: theirs.studio.id, q: secret, timeZone: "UTC" })).map((g) => g.kind),
    ).toEqual(["client", "lead", "job", "event"]);
  });
});
