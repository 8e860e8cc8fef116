import { describe, expect, it } from "vitest";
import { createStaff, createStudio } from "@/prisma/factories";
import { authenticate, SIGN_IN_LIMITS } from "@/lib/auth/options";
import { primaryDb } from "@/lib/db";
import { removeStaff } from "@/lib/team/mutations";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;

describe("signing in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner, password } = await createStudio(primaryDb());
    const user = await authenticate({ email: owner.email.toUpperCase(), password }, address());
    expect(user).toMatchObject({ id: owner.id, role: "OWNER", studioId: owner.studioId });
  });

  it("after repeated failures for one account, even the right password is refused for a while", async () => {
    const { owner, password } = await createStudio(primaryDb());
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.max; i++) {
      await expect(authenticate({ email: owner.email, password: "wrong-password" }, address())).rejects.toThrow("That email and password do not match.");
    }
    await expect(authenticate({ email: owner.email, password }, address())).rejects.toThrow(/Too many failed sign-ins. Try again in \d+ minute/);
    // The count lives in the database, so every app node sees it.
    expect(await primaryDb().rateLimitHit.count({ where: { bucket: "signin-account", key: owner.email } })).toBe(SIGN_IN_LIMITS.perAccount.max);
  });

  it("one address failing against many accounts is slowed down too", async () => {
    const from = address();
    const { studio } = await createStudio(primaryDb());
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) {
      await expect(authenticate({ email: `nobody-${i}-${studio.id}@example.com`, password: "guess" }, from)).rejects.toThrow();
    }
    const { owner, password } = await createStudio(primaryDb());
    await expect(authenticate({ email: owner.email, password }, from)).rejects.toThrow(/Too many failed sign-ins/);
    await expect(authenticate({ email: owner.email, password }, address())).resolves.toMatchObject({ id: owner.id });
  });

  it("removed staff cannot sign in", async () => {
    const { studio, owner } = await createStudio(primaryDb());
    const { user: staff, password } = await createStaff(primaryDb(), studio.id);
    await primaryDb().$transaction((tx) => removeStaff(tx, { studioId: studio.id, actorId: owner.id, userId: staff.id }));
    await expect(authenticate({ email: staff.email, password }, address())).rejects.toThrow("That email and password do not match.");
  });

  it("malformed input is refused with a message, not a crash", async () => {
    await expect(authenticate({ email: "x".repeat(500), password: "" }, address())).rejects.toThrow("Enter your email and password.");
    await expect(authenticate(null, address())).rejects.toThrow("Enter your email and password.");
  });
});
