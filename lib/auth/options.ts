import { type AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { primaryDb } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddress } from "@/lib/client-address";
import { clearHits, recordHit, retryAfter } from "@/lib/rate-limit";
import { isSecureCookies } from "@/lib/session";
import { type UserRole } from "@/prisma/generated/prisma/enums";

export type SessionUser = { id: string; email: string; name: string; role: UserRole; studioId: string | null };

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

const credentials = z.object({ email: z.email().max(254).transform((e) => e.toLowerCase()), password: z.string().min(1).max(200) });

export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowSeconds: 15 * 60 },
  perAddress: { max: 30, windowSeconds: 15 * 60 },
};

/** Checks email and password; failed attempts are throttled per account and per address. */
export async function authenticate(input: unknown, address: string): Promise<SessionUser> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) throw new Error("Enter your email and password.");
  const { email, password } = parsed.data;
  const db = primaryDb();
  const limits = [
    { bucket: "signin-account", key: email, ...SIGN_IN_LIMITS.perAccount },
    { bucket: "signin-address", key: address, ...SIGN_IN_LIMITS.perAddress },
  ];
  for (const limit of limits) {
    const wait = await retryAfter(db, limit);
    if (wait > 0) throw new Error(`Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`);
  }
  const user = await db.user.findUnique({
    where: { email },
    omit: { passwordHash: false },
  });
  const ok = user && !user.removedAt && (await verifyPassword(user.passwordHash, password));
  if (!ok) {
    await Promise.all(limits.map((l) => recordHit(db, l)));
    throw new Error("That email and password do not match.");
  }
  await clearHits(db, { bucket: "signin-account", key: email });
  return { id: user.id, email: user.email, name: user.name, role: user.role, studioId: user.studioId };
}

export function authOptions(): AuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
    useSecureCookies: isSecureCookies(),
    pages: { signIn: "/sign-in" },
    // A forged or stale cookie is an expected event (the user is simply signed out): one line,
    // no stack trace. Anything else is logged once as an error.
    logger: {
      error(code, metadata) {
        const expected = code === "JWT_SESSION_ERROR" || code === "CLIENT_FETCH_ERROR";
        const message = metadata instanceof Error ? metadata.message : (metadata as { message?: string })?.message;
        console[expected ? "warn" : "error"](JSON.stringify({ msg: expected ? "invalid session cookie" : "auth error", code, message }));
      },
      warn() {},
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (input, req) => authenticate(input, clientAddress(req?.headers)),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) Object.assign(token, { user: user as unknown as SessionUser });
        return token;
      },
      session({ session, token }) {
        session.user = (token as { user: SessionUser }).user;
        return session;
      },
    },
  };
}
