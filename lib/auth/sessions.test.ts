import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { changePassword } from "@/lib/account/credentials";
import { primaryDb } from "@/lib/db";
import { acceptInvite, inviteStaff, removeStaff } from "@/lib/team/mutations";
import { linkToken } from "@/lib/tokens";
import { createStaff, createStudio } from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

const database = inject("database");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether `cookies` open the dashboard on `app` (signed in) or send the browser to sign in. */
async function isSignedIn(app: TestApp, cookies: string): Promise<boolean> {
  const res = await fetch(`${app.url}/dashboard`, { headers: { cookie: cookies }, redirect: "manual" });
  if (res.status === 200) return true;
  expect(`${res.status} ${res.headers.get("location") ?? ""}`).toMatch(/^30\d .*\/sign-in/);
  return false;
}

async function signedIn(app: TestApp, email: string, password: string): Promise<HttpSession> {
  const http = new HttpSession(app.url);
  await http.signIn(email, password);
  return http;
}

// Two nodes reading from the replicas, as behind nginx: a revocation on one must hold on the other
// at once, with no per-request query on the primary (each node keeps the revocations in memory).
describe("revocable sessions on two nodes", () => {
  let nodes: TestApp[];
  beforeAll(async () => {
    nodes = await Promise.all(
      [0, 1].map(() => startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: database.replicaUrls })),
    );
  });
  afterAll(() => Promise.all((nodes ?? []).map((n) => n.stop())));

  it("a sign-in cookie replayed after signing out is signed out, on every node", async () => {
    const { owner, password } = await createStudio(primaryDb());
    const http = await signedIn(nodes[0], owner.email, password);
    const stolen = http.cookieHeader();
    expect(await isSignedIn(nodes[1], stolen)).toBe(true);

    const { csrfToken } = (await (await http.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await http.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(out.status).toBe(200);
    await sleep(1_000);
    expect(await isSignedIn(nodes[0], stolen)).toBe(false);
    expect(await isSignedIn(nodes[1], stolen)).toBe(false);
  });

  it("a staff member removed through one node is refused by the other within a second, and re-inviting them revives no old cookie", async () => {
    const { studio, owner } = await createStudio(primaryDb());
    const { user: staff, password } = await createStaff(primaryDb(), studio.id);
    const old = (await signedIn(nodes[0], staff.email, password)).cookieHeader();
    expect(await isSignedIn(nodes[1], old)).toBe(true);

    await primaryDb().$transaction((tx) =>
      removeStaff(tx, { studioId: studio.id, actorId: owner.id, userId: staff.id }),
    );
    await sleep(1_000);
    expect(await isSignedIn(nodes[1], old)).toBe(false);
    expect(await isSignedIn(nodes[0], old)).toBe(false);

    const { inviteId } = await primaryDb().$transaction((tx) =>
      inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: staff.email }),
    );
    await primaryDb().$transaction((tx) =>
      acceptInvite(tx, { token: linkToken("invite", inviteId), name: staff.name, password: "a-brand-new-password" }),
    );
    expect(await isSignedIn(nodes[1], old)).toBe(false);
    expect(
      await isSignedIn(nodes[1], (await signedIn(nodes[1], staff.email, "a-brand-new-password")).cookieHeader()),
    ).toBe(true);
  });

  it("a password change ends every other session of the account", async () => {
    const { owner, password } = await createStudio(primaryDb());
    const laptop = (await signedIn(nodes[0], owner.email, password)).cookieHeader();
    const phone = (await signedIn(nodes[1], owner.email, password)).cookieHeader();
    expect(await isSignedIn(nodes[0], phone)).toBe(true);

    await primaryDb().$transaction((tx) =>
      changePassword(tx, { userId: owner.id, currentPassword: password, newPassword: "another-good-password" }),
    );
    await sleep(1_000);
    for (const node of nodes) {
      expect(await isSignedIn(node, laptop)).toBe(false);
      expect(await isSignedIn(node, phone)).toBe(false);
    }
  });
});
