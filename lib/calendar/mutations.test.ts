import { describe, expect, it } from "vitest";
import { rotateCalendarFeed } from "@/lib/calendar/mutations";
import { findCalendarToken, findFeedOwner } from "@/lib/calendar/queries";
import { dbForHost, primaryDb } from "@/lib/db";
import { linkToken } from "@/lib/tokens";
import { createStudio } from "@/prisma/factories";

describe("the private calendar feed address", () => {
  it("is shown again from the user alone, and a new one shuts the old one out at once", async () => {
    const { studio, owner } = await createStudio(primaryDb());
    const read = dbForHost("primary");
    const first = await findCalendarToken(read, { studioId: studio.id, userId: owner.id });
    expect(first).toBe(linkToken("calendar", owner.id));
    expect((await findFeedOwner(read, { token: first! }))?.id).toBe(owner.id);

    await primaryDb().$transaction((tx) => rotateCalendarFeed(tx, { studioId: studio.id, userId: owner.id }));
    const second = await findCalendarToken(read, { studioId: studio.id, userId: owner.id });
    expect(second).not.toBe(first);
    expect(await findFeedOwner(read, { token: first! })).toBeNull();
    expect((await findFeedOwner(read, { token: second! }))?.id).toBe(owner.id);
  });

  it("of a feed issued before tokens were derived keeps working but is not shown", async () => {
    const { studio, owner } = await createStudio(primaryDb());
    const legacy = "an-old-random-calendar-token-0123456789";
    await primaryDb()
      .$executeRaw`UPDATE "User" SET "calendarTokenHash" = encode(sha256(convert_to(${legacy}, 'UTF8')), 'hex') WHERE id = ${owner.id}`;
    const read = dbForHost("primary");
    expect(await findCalendarToken(read, { studioId: studio.id, userId: owner.id })).toBeNull();
    expect((await findFeedOwner(read, { token: legacy }))?.id).toBe(owner.id);
  });

  it("cannot be rotated for someone in another studio", async () => {
    const a = await createStudio(primaryDb());
    const b = await createStudio(primaryDb());
    await expect(
      primaryDb().$transaction((tx) => rotateCalendarFeed(tx, { studioId: a.studio.id, userId: b.owner.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await findFeedOwner(dbForHost("primary"), { token: linkToken("calendar", b.owner.id) }))?.id).toBe(
      b.owner.id,
    );
  });
});
