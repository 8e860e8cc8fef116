import { type AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { DEVICE_COOKIE, isKnownDevice, knownDeviceCookie } from "@/lib/auth/device";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { clientAddress } from "@/lib/client-address";
import { primaryDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, isUnavailableError, unexpectedFailureMessage } from "@/lib/errors";
import { countAttempts, refundAttempt, resetLimit, waitText, type Limit } from "@/lib/rate-limit";
import { isSecureCookies } from "@/lib/session";
import { type UserRole } from "@/prisma/generated/prisma/enums";
import { currentRequestLogger } from "@/lib/log/request";

export type SessionUser = { id: string; email: string; name: string; role: UserRole; studioId: string | null };

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

const credentials = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(200),
});

type LimitShape = Pick<Limit, "max" | "windowSeconds" | "maxBlockSeconds">;

/**
 * Three limits, each with a growing wait for whoever keeps trying: one account from one address
 * (a guesser), one address against any accounts (a sprayer) and one account from anywhere (a
 * distributed guesser). The last one never applies to a browser the account signed in from
 * before, so an attacker cannot lock an owner out of their own browser.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: { max: 5, windowSeconds: 15 * 60, maxBlockSeconds: 24 * 60 * 60 },
  perAddress: { max: 30, windowSeconds: 15 * 60, maxBlockSeconds: 24 * 60 * 60 },
  perAccount: { max: 10, windowSeconds: 15 * 60, maxBlockSeconds: 60 * 60 },
} satisfies Record<string, LimitShape>;

export const SIGN_IN_MISMATCH = "That email and password do not match.";
export const SIGN_IN_UNAVAILABLE =
  "ShootQ cannot sign you in just now. Nothing is wrong with your account: please try again in a moment.";

// Unknown emails are checked against this hash so that they take as long as known ones.
let dummyHash: Promise<string> | undefined;
const timingDecoy = () => (dummyHash ??= hashPassword("shootq-timing-decoy-password"));

/** Where an attempt comes from: the client's address and this browser's device cookie. */
export type SignInContext = { address: string; deviceCookie?: string };

/** Checks email and password under the sign-in limits; every failure reads the same. */
export async function authenticate(input: unknown, { address, deviceCookie }: SignInContext): Promise<SessionUser> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Enter your email and password.");
  const { email, password } = parsed.data;
  const db = primaryDb();
  const limits: Limit[] = [
    { bucket: "signin-account-address", key: `${email}|${address}`, ...SIGN_IN_LIMITS.perAccountAndAddress },
    { bucket: "signin-address", key: address, ...SIGN_IN_LIMITS.perAddress },
    ...(isKnownDevice(deviceCookie, email)
      ? []
      : [{ bucket: "signin-account", key: email, ...SIGN_IN_LIMITS.perAccount }]),
  ];
  // Counted first, in one statement, whether or not the email has an account: of many attempts
  // at once only those within every limit go on to the (slow) password check.
  const attempts = await countAttempts(db, limits);
  const refused = attempts.filter((a) => !a.allowed);
  if (refused.length > 0) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many sign-in attempts. Try again in ${waitText(Math.max(...refused.map((a) => a.retryAfterSeconds)))}.`,
    );
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const isActive = Boolean(user && !user.removedAt);
  const matches = await verifyPassword(isActive ? user!.passwordHash : await timingDecoy(), password);
  if (!isActive || !matches) throw new AppError("UNAUTHENTICATED", SIGN_IN_MISMATCH);
  // The right password: this attempt does not count against the owner.
  await Promise.all([resetLimit(db, limits[0]), ...limits.slice(1).map((limit) => refundAttempt(db, limit))]);
  return { id: user!.id, email: user!.email, name: user!.name, role: user!.role, studioId: user!.studioId };
}

/**
 * What the sign-in form shows for a failed attempt. next-auth hands the message of whatever
 * `authorize` throws to the browser, so only an expected failure's own words pass; a database
 * that cannot be reached (down, or every connection busy past the pool's wait) asks for another
 * try; anything else is logged once and shown as a reference for support, never its details.
 */
export async function signInFailureMessage(error: unknown): Promise<string> {
  if (error instanceof AppError) return error.message;
  if (isUnavailableError(error)) return SIGN_IN_UNAVAILABLE;
  const log = await currentRequestLogger();
  log.error({ err: error }, "sign-in failed unexpectedly");
  return unexpectedFailureMessage(log.bindings().requestId);
}

/** What the sign-in cookie (next-auth's JWT) carries: the user and the session it belongs to. */
export type SessionClaims = { user: SessionUser; sid: string; sct: number };

export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: isSecureCookies(),
    pages: { signIn: "/sign-in" },
    // A forged or stale cookie is an expected event (the user is simply signed out): one line,
    // no stack trace. Anything else is logged once as an error.
    logger: {
      error(code, metadata) {
        const expected = code === "JWT_SESSION_ERROR" || code === "CLIENT_FETCH_ERROR";
        const message = metadata instanceof Error ? metadata.message : (metadata as { message?: string })?.message;
        console[expected ? "warn" : "error"](
          JSON.stringify({ msg: expected ? "invalid session cookie" : "auth error", code, message }),
        );
      },
      warn() {},
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(input, req) {
          try {
            const store = await cookies();
            const device = store.get(DEVICE_COOKIE)?.value;
            const address = clientAddress(req?.headers);
            const user = await authenticate(input, { address, deviceCookie: device });
            const userAgent = (req?.headers as Record<string, string | undefined> | undefined)?.["user-agent"];
            const session = await createSession(primaryDb(), { userId: user.id, userAgent, address });
            const cookie = knownDeviceCookie(device, user.email);
            store.set(cookie.name, cookie.value, cookie.options);
            return { ...user, sid: session.id, sct: session.createdAt.getTime() };
          } catch (error) {
            throw new Error(await signInFailureMessage(error));
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const { sid, sct, ...sessionUser } = user as unknown as SessionUser & { sid: string; sct: number };
          Object.assign(token, { user: sessionUser, sid, sct } satisfies SessionClaims);
        }
        return token;
      },
      session({ session, token }) {
        session.user = (token as unknown as SessionClaims).user;
        return session;
      },
    },
    events: {
      // Signing out ends the session on every node, not just the cookie in this browser.
      async signOut({ token }) {
        const claims = token as unknown as Partial<SessionClaims> | null;
        if (!claims?.sid || !claims.user?.id) return;
        await primaryDb()
          .$transaction((tx) => revokeSession(tx, { userId: claims.user!.id, sessionId: claims.sid! }))
          .catch(async (error: unknown) =>
            (await currentRequestLogger()).error({ err: error }, "sign-out could not revoke the session"),
          );
      },
    },
  };
}
