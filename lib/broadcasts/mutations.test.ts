import { z } from "zod";
import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { createBroadcast, dismissBroadcast } from "@/lib/broadcasts/mutations";
import { findActiveBroadcasts, findBroadcasts } from "@/lib/broadcasts/queries";
import { createBroadcastSchema } from "@/lib/broadcasts/schemas";
import { createAdmin, createStaff, createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();
const read = () => dbForHost("primary");
const HOUR = 3_600_000;

function input(overrides: Partial<z.input<typeof createBroadcastSchema>> = {}) {
  return createBroadcastSchema.parse({
    title: "Scheduled maintenance",
    body: "ShootQ is read-only on Sunday 2–3 am.",
    link: "/settings",
    startsAt: "2020-01-01T00:00",
    endsAt: "2099-01-01T00:00",
    isNew: "on",
    ...overrides,
  });
}

describe("broadcast form", () => {
  it("reports every problem at once", () => {
    const result = createBroadcastSchema.safeParse({
      title: "",
      body: " ",
      link: "javascript:alert(1)",
      startsAt: "tomorrow",
      endsAt: "2020-01-01T00:00",
    });
    const errors = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(errors).toEqual({
      title: ["Enter a title."],
      body: ["Write the message."],
      link: ["Enter a path like /settings or a full https:// address."],
      startsAt: ["Enter when it starts showing."],
      endsAt: ["The end must be in the future."],
    });
    expect(
      z.flattenError(
        createBroadcastSchema.safeParse({
          title: "t",
          body: "b",
          startsAt: "2099-01-02T00:00",
          endsAt: "2099-01-01T00:00",
        }).error!,
      ).fieldErrors,
    ).toEqual({
      endsAt: ["The end must be after the start."],
    });
  });

  it("reads the times in the admin's time zone and the NEW checkbox", () => {
    const parsed = input({
      startsAt: "2099-03-01T09:30",
      endsAt: "2099-03-08T09:30",
      timeZone: "America/New_York",
      isNew: undefined,
    });
    expect(parsed.startsAt.toISOString()).toBe("2099-03-01T14:30:00.000Z");
    expect(parsed.isNew).toBe(false);
    expect(
      input({ timeZone: "Not/AZone", startsAt: "2099-03-01T09:30", endsAt: "2099-03-02T09:30" }).startsAt.toISOString(),
    ).toBe("2099-03-01T09:30:00.000Z");
  });
});

describe("broadcasts", () => {
  it("are one row, shown to every photographer in their window until each dismisses it", async () => {
    const { user: admin } = await createAdmin(db());
    const a = await createStudio(db());
    const b = await createStudio(db());
    const { user: staff } = await createStaff(db(), a.studio.id);
    // Counted per admin: other test files create broadcasts at the same time.
    const rowsBefore = await db().broadcast.count({ where: { createdById: admin.id } });
    const { id } = await inTx((tx) => createBroadcast(tx, { adminId: admin.id, ...input() }));
    expect(await db().broadcast.count({ where: { createdById: admin.id } })).toBe(rowsBefore + 1);
    expect(await db().broadcastDismissal.count({ where: { broadcastId: id } })).toBe(0);

    const now = new Date();
    for (const user of [a.owner, b.owner, staff])
      expect((await findActiveBroadcasts(read(), { userId: user.id, now })).map((x) => x.id)).toContain(id);

    await inTx((tx) => dismissBroadcast(tx, { userId: a.owner.id, broadcastId: id }));
    await inTx((tx) => dismissBroadcast(tx, { userId: a.owner.id, broadcastId: id }));
    expect((await findActiveBroadcasts(read(), { userId: a.owner.id, now })).map((x) => x.id)).not.toContain(id);
    expect((await findActiveBroadcasts(read(), { userId: staff.id, now })).map((x) => x.id)).toContain(id);
    expect(await db().broadcastDismissal.count({ where: { broadcastId: id } })).toBe(1);

    const listed = (await findBroadcasts(read())).find((x) => x.id === id)!;
    expect(listed.createdBy).toEqual({ name: admin.name, email: admin.email });
    expect(listed.createdAt).toBeInstanceOf(Date);
  });

  it("show only between their start and end", async () => {
    const { user: admin } = await createAdmin(db());
    const { owner } = await createStudio(db());
    const startsAt = new Date(Date.now() + HOUR);
    const endsAt = new Date(Date.now() + 2 * HOUR);
    const { id } = await db().broadcast.create({
      data: { title: "Later", body: "b", startsAt, endsAt, createdById: admin.id },
    });
    const ids = async (now: Date) => (await findActiveBroadcasts(read(), { userId: owner.id, now })).map((x) => x.id);
    expect(await ids(new Date(startsAt.getTime() - 1))).not.toContain(id);
    expect(await ids(startsAt)).toContain(id);
    expect(await ids(endsAt)).not.toContain(id);
  });

  it("can only be sent by a platform admin: anyone else is NOT_FOUND and nothing is saved", async () => {
    const { owner } = await createStudio(db());
    // A title of its own: other test files create broadcasts at the same time.
    const title = `Not from an admin ${owner.id}`;
    await expect(inTx((tx) => createBroadcast(tx, { adminId: owner.id, ...input({ title }) }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().broadcast.count({ where: { title } })).toBe(0);
  });

  it("dismissing an unknown broadcast is NOT_FOUND", async () => {
    const { owner } = await createStudio(db());
    await expect(
      inTx((tx) => dismissBroadcast(tx, { userId: owner.id, broadcastId: "01900000-0000-7000-8000-000000000000" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().broadcastDismissal.count({ where: { userId: owner.id } })).toBe(0);
  });
});
