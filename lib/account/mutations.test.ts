import { describe, expect, it } from "vitest";
import { requestEmailChange } from "@/lib/account/credentials";
import { confirmEmail } from "@/lib/account/mutations";
import { primaryDb, type Tx } from "@/lib/db";
import { createStudio, randomSuffix } from "@/prisma/factories";
import { renderQueuedEmail } from "@/scripts/testing/outbox";

const db = () => primaryDb();
// The write core's transaction limits: password hashing and checks inside are slow on a busy machine.
const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn, { maxWait: 5_000, timeout: 15_000 });

/** The token of the newest confirmation link emailed to `to`, read from the email as it is sent. */
async function confirmationTokenSentTo(to: string) {
  const email = await renderQueuedEmail(db(), { kind: "account.email-change", to });
  return /\/confirm-email\/([A-Za-z0-9_-]{43})/.exec(email.text)![1];
}

async function ownerAskingForNewAddress() {
  const { owner, password } = await createStudio(db());
  const newEmail = `new-${randomSuffix()}@example.com`;
  await inTx((tx) => requestEmailChange(tx, { userId: owner.id, email: newEmail, currentPassword: password }));
  return { owner, password, newEmail };
}

describe("changing a user's email address", () => {
  it("sends a link to the new address; the change applies only when it is followed, and the old address is told", async () => {
    const { owner, newEmail } = await ownerAskingForNewAddress();

    // Asked, not changed: the account still signs in with the old address, which is not emailed yet.
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);
    expect(await db().emailMessage.count({ where: { to: owner.email } })).toBe(0);
    const sent = await renderQueuedEmail(db(), { kind: "account.email-change", to: newEmail });
    expect(sent.subject).toBe("Confirm your new email address for ShootQ");
    expect(sent.text).toContain(`Confirm ${newEmail} as the address you sign in to ShootQ with`);

    const token = await confirmationTokenSentTo(newEmail);
    const user = await inTx((tx) => confirmEmail(tx, { token }));
    expect(user.email).toBe(newEmail);
    const changed = await db().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(changed.email).toBe(newEmail);
    expect(changed.emailVerifiedAt).not.toBeNull();

    const told = await renderQueuedEmail(db(), { kind: "account.email-changed", to: owner.email });
    expect(told.subject).toBe("Your ShootQ email address was changed");
    expect(told.text).toContain(`The address you sign in to ShootQ with is now ${newEmail}.`);
  });

  it("refuses a link that was already used, and one that has expired, changing nothing", async () => {
    const { owner, newEmail } = await ownerAskingForNewAddress();
    const token = await confirmationTokenSentTo(newEmail);

    // The link works for 24 hours.
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await expect(inTx((tx) => confirmEmail(tx, { token, now: tomorrow }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This link has expired or was already used. Ask for a new one.",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);

    await inTx((tx) => confirmEmail(tx, { token }));
    await expect(inTx((tx) => confirmEmail(tx, { token }))).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This link has expired or was already used. Ask for a new one.",
    });
    // The old address was told once, for the one change.
    expect(await db().emailMessage.count({ where: { to: owner.email, kind: "account.email-changed" } })).toBe(1);
  });

  it("a wrong current password sends nothing; a newer request makes the earlier link stop working", async () => {
    const { owner, password, newEmail } = await ownerAskingForNewAddress();
    const first = await confirmationTokenSentTo(newEmail);
    const second = `second-${randomSuffix()}@example.com`;
    await expect(
      inTx((tx) => requestEmailChange(tx, { userId: owner.id, email: second, currentPassword: "not-the-password" })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["Your current password is not correct."] },
    });
    expect(await db().emailMessage.count({ where: { to: second } })).toBe(0);

    await inTx((tx) => requestEmailChange(tx, { userId: owner.id, email: second, currentPassword: password }));
    await expect(inTx((tx) => confirmEmail(tx, { token: first }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const token = await confirmationTokenSentTo(second);
    await inTx((tx) => confirmEmail(tx, { token }));
    expect((await db().user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(second);
  });
});
