import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStudio } from "@/prisma/factories";
import { SIGN_IN_LIMITS } from "@/lib/auth/options";
import { primaryDb } from "@/lib/db";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

const database = inject("database");

/** One sign-in attempt as a browser behind our proxy sends it; returns next-auth's error, if any. */
async function attempt(app: TestApp, email: string, password: string, forwardedFor: string): Promise<string | null> {
  const http = new HttpSession(app.url);
  const { csrfToken } = (await (await http.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await http.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": forwardedFor,
      "x-real-ip": `198.51.100.${Math.floor(Math.random() * 250)}`,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

// The node trusts one proxy hop, as behind the bundled nginx: nginx appends the peer it saw to
// whatever X-Forwarded-For the client sent.
describe("sign-in failures behind one proxy", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: [], env: { TRUSTED_PROXY_HOPS: "1" } });
  });
  afterAll(() => app?.stop());

  it("are counted against the address the proxy saw, however the client varies its own X-Forwarded-For", async () => {
    const peer = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
    const { studio } = await createStudio(primaryDb());
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max; i++) {
      const error = await attempt(app, `nobody-${i}-${studio.id}@example.com`, "guess", `10.${i}.0.1, ${peer}`);
      expect(error).toBe("That email and password do not match.");
    }
    const buckets = await primaryDb().rateLimit.findMany({
      where: { bucket: "signin-address", key: { in: [peer, ...Array.from({ length: 30 }, (_, i) => `10.${i}.0.1`)] } },
      select: { key: true, count: true },
    });
    expect(buckets).toEqual([{ key: peer, count: SIGN_IN_LIMITS.perAddress.max }]);

    // A fresh spoofed first entry does not buy the attacker another try, even with the right password.
    const { owner, password } = await createStudio(primaryDb());
    expect(await attempt(app, owner.email, password, `172.16.${Math.floor(Math.random() * 250)}.1, ${peer}`)).toMatch(
      /^Too many sign-in attempts/,
    );
    // Someone else behind the proxy is not affected.
    expect(await attempt(app, owner.email, password, `${peer}, 203.0.113.251-${randomUUID().slice(0, 8)}`)).toBeNull();
  });
});
