import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createStaff, createStudio } from "@/prisma/factories";
import {
  authenticate,
  SIGN_IN_LIMITS,
  SIGN_IN_MISMATCH,
  SIGN_IN_UNAVAILABLE,
  signInFailureMessage,
} from "@/lib/auth/options";
import { primaryDb } from "@/lib/db";
import { knownDeviceCookie } from "@/lib/auth/device";
import { removeStaff } from "@/lib/team/mutations";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Math.random()}`;
const TOO_MANY = /^Too many sign-in attempts\. Try again in \d+ (minutes?|hours)\.$/;

/** The outcome of a sign-in: "ok", the mismatch, or the throttle. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const message = (error as Error).message;
    return message === SIGN_IN_MISMATCH ? "mismatch" : TOO_MANY.test(message) ? "throttled" : message;
  }
}

describe("signing in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner, password } = await createStudio(primaryDb());
    const user = await authenticate({ email: owner.email.toUpperCase(), password }, { address: address() });
    expect(user).toMatchObject({ id: owner.id, role: "OWNER", studioId: owner.studioId });
  });

  it("checks at most the limit of 50 wrong passwords sent at once: the rest are throttled unchecked", async () => {
    const { owner } = await createStudio(primaryDb());
    const from = address();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        outcome(authenticate({ email: owner.email, password: "wrong-password" }, { address: from })),
      ),
    );
    expect(results.filter((r) => r === "mismatch")).toHaveLength(SIGN_IN_LIMITS.perAccountAndAddress.max);
    expect(results.filter((r) => r === "throttled")).toHaveLength(50 - SIGN_IN_LIMITS.perAccountAndAddress.max);
  });

  it("a victim keeps signing in from their known browser while an attacker fails 1,000 times from elsewhere", async () => {
    const { owner, password } = await createStudio(primaryDb());
    const attackers = Array.from({ length: 20 }, () => address());
    // The victim's browser signed in before: it carries the device cookie for the account.
    const victim = { address: address(), deviceCookie: knownDeviceCookie(undefined, owner.email).value };
    const attacks: string[] = [];
    for (let round = 0; round < 50; round++) {
      // 20 addresses at once, 50 rounds: 1,000 wrong passwords for one account.
      attacks.push(
        ...(await Promise.all(
          attackers.map((from) =>
            outcome(authenticate({ email: owner.email, password: `guess-${round}` }, { address: from })),
          ),
        )),
      );
      if (round % 10 === 9) expect(await outcome(authenticate({ email: owner.email, password }, victim))).toBe("ok");
    }
    expect(attacks).toHaveLength(1_000);
    // The per-account limit stopped the spray long before: only a handful were ever checked.
    expect(attacks.filter((r) => r === "mismatch").length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.max);
    // A browser that never signed in to the account must wait, even with the right password.
    expect(await outcome(authenticate({ email: owner.email, password }, { address: address() }))).toBe("throttled");
  });

  it("one address failing against many accounts is slowed down, others are not", async () => {
    const from = address();
    const { studio } = await createStudio(primaryDb());
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) {
      expect(
        await outcome(
          authenticate({ email: `nobody-${i}-${studio.id}@example.com`, password: "guess" }, { address: from }),
        ),
      ).toBe("mismatch");
    }
    const { owner, password } = await createStudio(primaryDb());
    expect(await outcome(authenticate({ email: owner.email, password }, { address: from }))).toBe("throttled");
    expect(await outcome(authenticate({ email: owner.email, password }, { address: address() }))).toBe("ok");
  });

  it("makes whoever keeps trying wait longer and longer", async () => {
    const { owner } = await createStudio(primaryDb());
    const from = address();
    const waits: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress.max + 4; i++) {
      await authenticate({ email: owner.email, password: "wrong" }, { address: from }).catch(() => {});
      const [row] = await primaryDb().$queryRaw<
        { seconds: number }[]
      >`SELECT extract(epoch FROM "resetAt" - now())::int AS seconds FROM "RateLimit" WHERE bucket = 'signin-account-address' AND key = ${`${owner.email}|${from}`}`;
      waits.push(row.seconds);
    }
    const beyond = waits.slice(SIGN_IN_LIMITS.perAccountAndAddress.max);
    for (let i = 1; i < beyond.length; i++) expect(beyond[i]).toBeGreaterThan(beyond[i - 1]);
  });

  it("answers unknown and known emails the same way, and counts both", async () => {
    const { owner } = await createStudio(primaryDb());
    const from = address();
    expect(await outcome(authenticate({ email: owner.email, password: "wrong" }, { address: from }))).toBe("mismatch");
    expect(
      await outcome(authenticate({ email: `nobody-${owner.id}@example.com`, password: "wrong" }, { address: from })),
    ).toBe("mismatch");
    const counted = await primaryDb().rateLimit.findMany({
      where: { bucket: "signin-account", key: { in: [owner.email, `nobody-${owner.id}@example.com`] } },
    });
    expect(counted.map((r) => r.count)).toEqual([1, 1]);
  });

  it("removed staff cannot sign in", async () => {
    const { studio, owner } = await createStudio(primaryDb());
    const { user: staff, password } = await createStaff(primaryDb(), studio.id);
    await primaryDb().$transaction((tx) =>
      removeStaff(tx, { studioId: studio.id, actorId: owner.id, userId: staff.id }),
    );
    expect(await outcome(authenticate({ email: staff.email, password }, { address: address() }))).toBe("mismatch");
  });

  it("malformed input is refused with a message, not a crash", async () => {
    await expect(authenticate({ email: "x".repeat(500), password: "" }, { address: address() })).rejects.toThrow(
      "Enter your email and password.",
    );
    await expect(authenticate(null, { address: address() })).rejects.toThrow("Enter your email and password.");
  });
});

// next-auth shows the browser the message of whatever sign-in throws, so the form must only ever
// get words meant for a person: a loaded CI run once showed "timeout exceeded when trying to
// connect" (node-postgres's own words when every pooled connection stayed busy) on the sign-in page.
describe("what the sign-in form says when signing in fails", () => {
  it("passes on a person's own mistakes and the throttle as they are", async () => {
    const { owner } = await createStudio(primaryDb());
    const wrong = await authenticate({ email: owner.email, password: "wrong" }, { address: address() }).catch((e) => e);
    expect(await signInFailureMessage(wrong)).toBe(SIGN_IN_MISMATCH);
    const malformed = await authenticate({}, { address: address() }).catch((e) => e);
    expect(await signInFailureMessage(malformed)).toBe("Enter your email and password.");
  });

  it("asks for another try when no database connection came free in time, without the database's words", async () => {
    const { primaryUrl } = inject("database");
    const pool = new pg.Pool({ connectionString: primaryUrl, max: 1, connectionTimeoutMillis: 100 });
    const busy = await pool.connect();
    const waited = await pool.connect().catch((e: Error) => e);
    busy.release();
    await pool.end();
    expect(await signInFailureMessage(waited)).toBe(SIGN_IN_UNAVAILABLE);
  });

  it("gives a reference for support, never the details, for anything unexpected", async () => {
    const said = await signInFailureMessage(
      new TypeError("Cannot read properties of undefined (reading 'passwordHash')"),
    );
    expect(said).toMatch(/^Something went wrong/);
    expect(said).not.toMatch(/passwordHash|undefined/);
  });
});
