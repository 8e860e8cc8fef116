import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { createStudio, randomSuffix } from "@/prisma/factories";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

const { primaryUrl } = inject("database");

describe("the hourly invitation limit of a studio (STUDIO_HOURLY_INVITE_LIMIT)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ primaryUrl, replicaUrls: [], env: { STUDIO_HOURLY_INVITE_LIMIT: "2" } });
  });
  afterAll(() => app?.stop());

  it("answers the invitation past the limit with 429 and a message saying when to try again, and sends nothing for it", async () => {
    const { studio, owner, password } = await createStudio(primaryDb());
    const http = new HttpSession(app.url);
    await http.signIn(owner.email, password);
    const invite = () => http.postJson("/api/team/invites", { email: `staff-${randomSuffix()}@example.com` });

    expect((await invite()).status).toBe(201);
    expect((await invite()).status).toBe(201);
    const refused = await invite();
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatch(
      /^Your studio has sent many invitations in the last hour\. Please try again in \d+ minutes?\.$/,
    );
    expect(await primaryDb().invite.count({ where: { studioId: studio.id } })).toBe(2);
    expect(await primaryDb().emailMessage.count({ where: { studioId: studio.id, kind: "staff.invite" } })).toBe(2);

    // Another studio's owner is not held back by this one's invitations.
    const other = await createStudio(primaryDb());
    const otherHttp = new HttpSession(app.url);
    await otherHttp.signIn(other.owner.email, other.password);
    expect(
      (await otherHttp.postJson("/api/team/invites", { email: `staff-${randomSuffix()}@example.com` })).status,
    ).toBe(201);
  });
});
