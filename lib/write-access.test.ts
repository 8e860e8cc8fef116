import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStaff, createStudio } from "@/prisma/factories";
import { primaryDb } from "@/lib/db";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

const database = inject("database");

// Route handlers take the same access levels as server actions, from the same write core.
describe("an owner-only write route", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: [] });
  });
  afterAll(() => app?.stop());

  it("answers a signed-out caller 401, a staff member 404 as if it did not exist, and the owner 201", async () => {
    const { studio, owner, password } = await createStudio(primaryDb());
    const staff = await createStaff(primaryDb(), studio.id);
    const invite = (http: HttpSession, email: string) => http.postJson("/api/team/invites", { email });

    const stranger = await invite(new HttpSession(app.url), `stranger-${studio.id}@example.com`);
    expect(stranger).toMatchObject({ status: 401, json: { error: "Your session has ended. Please sign in again." } });

    const asStaff = new HttpSession(app.url);
    await asStaff.signIn(staff.user.email, staff.password);
    expect(await invite(asStaff, `by-staff-${studio.id}@example.com`)).toMatchObject({
      status: 404,
      json: { error: "That page or action does not exist." },
    });

    const asOwner = new HttpSession(app.url);
    await asOwner.signIn(owner.email, password);
    expect(await invite(asOwner, `by-owner-${studio.id}@example.com`)).toMatchObject({
      status: 201,
      json: { email: `by-owner-${studio.id}@example.com` },
    });
    expect(await primaryDb().invite.findMany({ where: { studioId: studio.id }, select: { email: true } })).toEqual([
      { email: `by-owner-${studio.id}@example.com` },
    ]);
  });
});
