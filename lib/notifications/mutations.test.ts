import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";
import { findWhatsNewPage } from "@/lib/dashboard/queries";
import { createNotification, createStaff, createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();

async function unreadIds(studioId: string, userId: string) {
  const ids: string[] = [];
  let page = await findWhatsNewPage(dbForHost("primary"), { studioId, userId });
  ids.push(...page.rows.map((n) => n.id));
  while (page.next) {
    page = await findWhatsNewPage(dbForHost("primary"), { studioId, userId, after: page.next });
    ids.push(...page.rows.map((n) => n.id));
  }
  return ids;
}

describe("marking notifications read", () => {
  it("is per user: the owner reading one leaves it new for the staff", async () => {
    const { studio, owner } = await createStudio(db());
    const { user: staff } = await createStaff(db(), studio.id);
    const older = await createNotification(db(), { studioId: studio.id, createdAt: new Date(Date.now() - 60_000) });
    const newer = await createNotification(db(), { studioId: studio.id });
    expect(await unreadIds(studio.id, owner.id)).toEqual([newer.id, older.id]);

    await inTx((tx) => markNotificationRead(tx, { studioId: studio.id, userId: owner.id, notificationId: newer.id }));
    await inTx((tx) => markNotificationRead(tx, { studioId: studio.id, userId: owner.id, notificationId: newer.id }));
    expect(await unreadIds(studio.id, owner.id)).toEqual([older.id]);
    expect(await unreadIds(studio.id, staff.id)).toEqual([newer.id, older.id]);
  });

  it("marks all of a busy studio's notifications read in one go, newest first in pages of ten until then", async () => {
    const { studio, owner } = await createStudio(db());
    await db().notification.createMany({
      data: Array.from({ length: 23 }, (_, i) => ({
        studioId: studio.id,
        kind: "lead.created",
        message: `Lead ${i}`,
        createdAt: new Date(Date.UTC(2027, 0, 1, 0, i)),
      })),
    });
    const before = await unreadIds(studio.id, owner.id);
    expect(before).toHaveLength(23);
    const first = await findWhatsNewPage(dbForHost("primary"), { studioId: studio.id, userId: owner.id });
    expect(first.rows.map((n) => n.message)).toEqual(Array.from({ length: 10 }, (_, i) => `Lead ${22 - i}`));
    expect(await inTx((tx) => markAllNotificationsRead(tx, { studioId: studio.id, userId: owner.id }))).toBe(23);
    expect(await unreadIds(studio.id, owner.id)).toEqual([]);
  });

  it("cannot mark another studio's notification and records nothing", async () => {
    const { owner } = await createStudio(db());
    const theirs = await createStudio(db());
    const notification = await createNotification(db(), { studioId: theirs.studio.id });
    await expect(
      inTx((tx) =>
        markNotificationRead(tx, { studioId: owner.studioId!, userId: owner.id, notificationId: notification.id }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await inTx((tx) => markAllNotificationsRead(tx, { studioId: owner.studioId!, userId: owner.id }));
    expect(await db().notificationRead.count({ where: { notificationId: notification.id } })).toBe(0);
  });
});
