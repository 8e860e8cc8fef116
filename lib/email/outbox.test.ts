import { describe, expect, it, vi } from "vitest";
import { confirmEmail } from "@/lib/account/mutations";
import { primaryDb, type Tx } from "@/lib/db";
import { queueEmail, UNVERIFIED_OWNER_MESSAGE } from "@/lib/email/outbox";
import { signUpStudio } from "@/lib/studios/mutations";
import { inviteStaff } from "@/lib/team/mutations";
import { createStudio, randomSuffix } from "@/prisma/factories";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

// A small quota, so a test reaches it; set before anything reads the environment.
vi.hoisted(() => {
  process.env.STUDIO_DAILY_EMAIL_QUOTA = "3";
});

const db = () => primaryDb();
// The write core's transaction limits: password hashing and checks inside are slow on a busy machine.
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });

const notice = (studioId: string, now: Date) =>
  inTx((tx) =>
    queueEmail(tx, {
      studioId,
      kind: "system.notice",
      to: `client-${randomSuffix()}@example.com`,
      params: { subject: "Your gallery is ready", text: "Hello" },
      now,
    }),
  );

describe("an owner who has not confirmed their email address", () => {
  it("cannot make the studio email anyone else, and can once they follow the confirmation link", async () => {
    const ownerEmail = `owner-${randomSuffix()}@example.com`;
    await inTx((tx) =>
      signUpStudio(tx, {
        name: "Una Confirmed",
        studioName: `Unconfirmed Studio ${randomSuffix()}`,
        email: ownerEmail,
        password: "a-good-password",
        address: `203.0.113.${Math.floor(Math.random() * 250)}`,
      }),
    );
    const owner = await db().user.findUniqueOrThrow({ where: { email: ownerEmail } });
    const studioId = owner.studioId!;
    const invitee = `staff-${randomSuffix()}@example.com`;

    await expect(inTx((tx) => inviteStaff(tx, { studioId, invitedBy: owner, email: invitee }))).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      message: UNVERIFIED_OWNER_MESSAGE,
    });
    // Nothing half-done: no invitation, no email to anyone on the studio's behalf.
    expect(await db().invite.count({ where: { studioId } })).toBe(0);
    expect(await db().emailMessage.count({ where: { studioId } })).toBe(0);

    // Their own confirmation email is not the studio's and went out regardless.
    const welcome = await renderQueuedEmail(db(), { kind: "account.verify-email", to: ownerEmail });
    const token = /\/confirm-email\/([A-Za-z0-9_-]{43})/.exec(welcome.text)![1];
    await inTx((tx) => confirmEmail(tx, { token }));

    await inTx((tx) => inviteStaff(tx, { studioId, invitedBy: owner, email: invitee }));
    expect(await db().emailMessage.findFirstOrThrow({ where: { studioId, to: invitee } })).toMatchObject({
      kind: "staff.invite",
      status: "QUEUED",
    });
  });
});

describe("the daily email quota of a studio", () => {
  it("refuses the email past the quota with a message saying when sending resumes, and counts from zero the next day", async () => {
    const { studio } = await createStudio(db(), { timeZone: "America/New_York" });
    // 08:00 in New York on 15 June.
    const morning = new Date("2026-06-15T12:00:00Z");
    for (let i = 0; i < 3; i++) await notice(studio.id, morning);

    const refused = notice(studio.id, new Date("2026-06-16T03:30:00Z")); // 23:30 the same day
    await expect(refused).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    await expect(refused).rejects.toThrow(
      "Your studio has sent its 3 emails for today, so nothing was sent. Sending starts again at midnight (America/New_York time).",
    );
    expect(await db().emailMessage.count({ where: { studioId: studio.id } })).toBe(3);

    // 00:30 the next day in New York: a new day's quota.
    const nextDay = new Date("2026-06-16T04:30:00Z");
    // A send whose change rolls back does not use any of it.
    await expect(
      inTx(async (tx) => {
        await queueEmail(tx, {
          studioId: studio.id,
          kind: "system.notice",
          to: "client@example.com",
          params: { subject: "Rolled back", text: "Never sent" },
          now: nextDay,
        });
        throw new Error("the change failed after queueing its email");
      }),
    ).rejects.toThrow("the change failed");
    for (let i = 0; i < 3; i++) await notice(studio.id, nextDay);
    await expect(notice(studio.id, nextDay)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db().emailMessage.count({ where: { studioId: studio.id } })).toBe(6);
  });

  it("is each studio's own: one studio at its quota does not stop another", async () => {
    const now = new Date("2026-06-20T15:00:00Z");
    const busy = await createStudio(db());
    const quiet = await createStudio(db());
    for (let i = 0; i < 3; i++) await notice(busy.studio.id, now);
    await expect(notice(busy.studio.id, now)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await notice(quiet.studio.id, now);
    expect(await db().emailMessage.count({ where: { studioId: quiet.studio.id } })).toBe(1);
  });
});
