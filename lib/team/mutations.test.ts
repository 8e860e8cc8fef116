import { describe, expect, it } from "vitest";
import { createStaff, createStudio } from "@/prisma/factories";
import { primaryDb } from "@/lib/db";
import { acceptInvite, findOpenInvite, inviteStaff, removeStaff, revokeInvite } from "@/lib/team/mutations";
import { hashToken, linkToken } from "@/lib/tokens";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const db = () => primaryDb();

describe("staff invitations", () => {
  it("an owner's invite stores only the token's hash, queues an email without the link, and accepting creates staff once", async () => {
    const { studio, owner } = await createStudio(db());
    const email = `new-${Date.now()}@example.com`;
    const { inviteId } = await db().$transaction((tx) =>
      inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email }),
    );
    const token = linkToken("invite", inviteId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db().invite.findFirstOrThrow({ where: { studioId: studio.id, email } });
    expect(stored.tokenHash).toBe(hashToken(token));
    const mail = await db().emailMessage.findFirstOrThrow({
      where: { studioId: studio.id, kind: "staff.invite", to: email },
    });
    expect(JSON.stringify(mail)).not.toContain(token);
    expect(mail.params).toEqual({ inviteId });
    expect((await renderQueuedEmail(db(), { id: mail.id })).text).toContain(`/invite/${token}`);

    const user = await db().$transaction((tx) =>
      acceptInvite(tx, { token, name: "Sam Staff", password: "a-good-password" }),
    );
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      studioId: studio.id,
      role: "STAFF",
      email,
    });
    await expect(
      db().$transaction((tx) => acceptInvite(tx, { token, name: "Again", password: "a-good-password" })),
    ).rejects.toThrow(/expired or was already used/);
  });

  it("an expired invitation cannot be accepted", async () => {
    const { studio, owner } = await createStudio(db());
    const past = new Date(Date.now() - 8 * 86_400_000);
    const { inviteId } = await db().$transaction((tx) =>
      inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: `late-${Date.now()}@example.com`, now: past }),
    );
    const token = linkToken("invite", inviteId);
    await expect(
      db().$transaction((tx) => acceptInvite(tx, { token, name: "Late", password: "a-good-password" })),
    ).rejects.toThrow(/expired/);
  });

  it("inviting an address that has an account elsewhere looks like any invitation; only its link says the address is taken", async () => {
    const { studio, owner } = await createStudio(db());
    const other = await createStudio(db());
    const { inviteId } = await db().$transaction((tx) =>
      inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: other.owner.email }),
    );
    expect(
      await db().emailMessage.count({ where: { studioId: studio.id, kind: "staff.invite", to: other.owner.email } }),
    ).toBe(1);
    const token = linkToken("invite", inviteId);
    expect((await db().$transaction((tx) => findOpenInvite(tx, { token }))).isTaken).toBe(true);
    await expect(
      db().$transaction((tx) => acceptInvite(tx, { token, name: "Taken", password: "a-good-password" })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().user.findUniqueOrThrow({ where: { id: other.owner.id } })).studioId).toBe(other.studio.id);
  });

  it("someone already on the team is not invited again", async () => {
    const { studio, owner } = await createStudio(db());
    const { user: staff } = await createStaff(db(), studio.id);
    await expect(
      db().$transaction((tx) => inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: staff.email })),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["That person is already on your team."] },
    });
  });

  it("two invitations to one address at once leave one invitation and one working link", async () => {
    const { studio, owner } = await createStudio(db());
    const email = `twice-${Date.now()}@example.com`;
    const results = await Promise.allSettled(
      [1, 2].map(() => db().$transaction((tx) => inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email }))),
    );
    const made = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.inviteId] : []));
    expect(made.length).toBeGreaterThan(0);
    const open = await db().invite.findMany({ where: { studioId: studio.id, email } });
    expect(open).toHaveLength(1);
    const working = [];
    for (const id of made)
      working.push(
        await db()
          .$transaction((tx) => findOpenInvite(tx, { token: linkToken("invite", id) }))
          .then(
            () => id,
            () => null,
          ),
      );
    expect(working.filter(Boolean)).toEqual([open[0].id]);
  });
});

describe("removing staff", () => {
  it("owners remove staff; nobody removes the owner; another studio's member is not found and untouched", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db());
    const { user: staffA } = await createStaff(db(), a.studio.id);
    const { user: staffB } = await createStaff(db(), b.studio.id);

    await expect(
      db().$transaction((tx) => removeStaff(tx, { studioId: a.studio.id, actorId: a.owner.id, userId: a.owner.id })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      db().$transaction((tx) => removeStaff(tx, { studioId: a.studio.id, actorId: a.owner.id, userId: staffB.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db().user.findUniqueOrThrow({ where: { id: staffB.id } })).removedAt).toBeNull();

    await db().$transaction((tx) => removeStaff(tx, { studioId: a.studio.id, actorId: a.owner.id, userId: staffA.id }));
    expect((await db().user.findUniqueOrThrow({ where: { id: staffA.id } })).removedAt).not.toBeNull();
  });

  it("an invitation of another studio cannot be revoked", async () => {
    const a = await createStudio(db());
    const b = await createStudio(db());
    const { inviteId } = await db().$transaction((tx) =>
      inviteStaff(tx, { studioId: b.studio.id, invitedBy: b.owner, email: `keep-${Date.now()}@example.com` }),
    );
    await expect(
      db().$transaction((tx) => revokeInvite(tx, { studioId: a.studio.id, inviteId })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().invite.count({ where: { id: inviteId } })).toBe(1);
  });
});
