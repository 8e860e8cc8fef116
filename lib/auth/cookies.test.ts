import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStudio } from "@/prisma/factories";
import { primaryDb } from "@/lib/db";
import { waitForReplay } from "@/scripts/testing/database";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

const database = inject("database");

// A production node with its defaults: no SECURE_COOKIES override.
describe("cookies on a production node", () => {
  let app: TestApp;
  let owner: { email: string };
  let password: string;
  beforeAll(async () => {
    app = await startTestApp({
      primaryUrl: database.primaryUrl,
      replicaUrls: database.replicaUrls,
      env: { SECURE_COOKIES: undefined },
    });
    ({ owner, password } = await createStudio(primaryDb()));
    await waitForReplay(database);
  });
  afterAll(() => app.stop());

  it("the sign-in and app cookies are HttpOnly, SameSite=Lax and Secure", async () => {
    const http = new HttpSession(app.url);
    const csrf = await http.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await http.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: owner.email, password, json: "true" }),
    });
    const sessionCookie = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Secure/);

    const write = await http.fetch("/api/team/invites", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `cookie-${Date.now()}@example.com` }),
    });
    expect(write.status).toBe(201);
    const appCookie = write.headers.getSetCookie().find((c) => c.startsWith("shootq_pin_"));
    expect(appCookie).toMatch(/HttpOnly/i);
    expect(appCookie).toMatch(/SameSite=Lax/i);
    expect(appCookie).toMatch(/Secure/);
  });

  it("a tampered or forged sign-in cookie means signed out, never an error page", async () => {
    const http = new HttpSession(app.url);
    await http.signIn(owner.email, password);
    const name = "__Secure-next-auth.session-token";
    const real = http.getCookie(name)!;
    for (const forged of [real.slice(0, -4) + "AAAA", "eyJhbGciOiJub25lIn0.e30.", "garbage"]) {
      http.setCookie(name, forged);
      const page = await http.fetch("/dashboard");
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toMatch(/\/sign-in$/);
    }
  });

  it("tampered app cookies are ignored and the page still renders", async () => {
    const http = new HttpSession(app.url);
    await http.signIn(owner.email, password);
    http.setCookie("shootq_brand", "Fe26.2**not-a-real-seal**");
    http.setCookie("shootq_flash_x", "Fe26.2**not-a-real-seal**");
    http.setCookie("shootq_pin_x", "ffffffff.zzzzzz.*.AAAAAAAAAAAAAAAA");
    const page = await http.getText("/dashboard");
    expect(page.status).toBe(200);
    // The forged pin is deleted, and was never honoured: the page read from a replica.
    expect(page.reads).toMatch(/^replica-/);
    expect(http.getCookie("shootq_pin_x")).toBeUndefined();
  });
});
