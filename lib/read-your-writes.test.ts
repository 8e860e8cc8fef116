import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStudio } from "@/prisma/factories";
import { dbForHost, primaryDb } from "@/lib/db";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { HttpSession } from "@/scripts/testing/http";

// The cluster from the global setup: replica-1 applies WAL 3 s late, replica-2 promptly.
const { primaryUrl, replicaUrls } = inject("database");
const [delayedReplica, promptReplica] = replicaUrls;
// Hundreds of invitations from one studio: this file is about where reads go, so the product's
// hourly invitation limit and daily email quota (tested in lib/team and lib/email) are lifted.
// Also: the files beside this one write to the same primary (tens of megabytes of WAL for a bench
// studio), and the delayed replica must stay in rotation whatever they write.
const MANY_WRITES = {
  STUDIO_HOURLY_INVITE_LIMIT: "100000",
  STUDIO_DAILY_EMAIL_QUOTA: "100000",
  REPLICA_MAX_LAG_BYTES: String(2 ** 40),
};

async function ownerSession(app: TestApp) {
  const { owner, password } = await createStudio(primaryDb());
  const http = new HttpSession(app.url);
  // The owner was just created on the primary: wait until the delayed replica has it too, so
  // sign-in and the first page reads see a consistent studio.
  await new Promise((r) => setTimeout(r, 3_500));
  await http.signIn(owner.email, password);
  return http;
}

const uniqueEmail = (tag: string, i: number) => `${tag}-${i}-${Math.random().toString(36).slice(2, 8)}@example.com`;

describe("read-your-writes with one replica 3 s behind", () => {
  let app: TestApp;
  let http: HttpSession;
  beforeAll(async () => {
    app = await startTestApp({ primaryUrl, replicaUrls: [delayedReplica], env: MANY_WRITES });
    http = await ownerSession(app);
  });
  afterAll(() => app.stop());

  // 200 requests: the limit is a cap for a loaded machine, not a speed target (that is npm run bench).
  it("the page a write affects shows it at once, 100 times out of 100", { timeout: 240_000 }, async () => {
    let fresh = 0;
    for (let i = 0; i < 100; i++) {
      const email = uniqueEmail("ryw", i);
      const write = await http.postJson("/api/team/invites", { email });
      expect(write.status).toBe(201);
      const page = await http.getText("/settings/team");
      if (page.status === 200 && page.text.includes(email)) fresh++;
    }
    expect(fresh).toBe(100);
  });

  it("without the pin the same read would have been stale: the replica really lags", async () => {
    const email = uniqueEmail("lag", 0);
    expect((await http.postJson("/api/team/invites", { email })).status).toBe(201);
    const onReplica = await dbForHost("replica-1").invite.findFirst({ where: { email } });
    const onPrimary = await dbForHost("primary").invite.findFirst({ where: { email } });
    expect(onReplica).toBeNull();
    expect(onPrimary).not.toBeNull();
  });

  it("a pinned path reads from the primary while an unrelated path keeps reading from the replica", async () => {
    expect((await http.postJson("/api/team/invites", { email: uniqueEmail("unrelated", 0) })).status).toBe(201);
    const pinned = await http.getText("/settings/team");
    const unrelated = await http.getText("/settings");
    expect(pinned.reads).toBe("primary");
    expect(unrelated.reads).toBe("replica-1");
    expect(unrelated.status).toBe(200);
  });

  it("once the replica has replayed the write, the pinned path goes back to the replica", async () => {
    expect((await http.postJson("/api/team/invites", { email: uniqueEmail("later", 0) })).status).toBe(201);
    expect((await http.getText("/settings/team")).reads).toBe("primary");
    // The replica applies WAL 3 s late, and later still on a loaded machine: wait for the replay,
    // not for a time.
    await expect
      .poll(async () => (await http.getText("/settings/team")).reads, { timeout: 30_000, interval: 500 })
      .toBe("replica-1");
  });

  it("each request logs one structured line saying where its reads went", async () => {
    const before = app.logs().length;
    await http.getText("/settings");
    await http.getText("/settings/team");
    const lines = app
      .logs()
      .slice(before)
      .map((l) => JSON.parse(l) as { msg: string; path: string; reads: string })
      .filter((l) => l.msg === "request");
    expect(lines.map((l) => l.path)).toEqual(["/settings", "/settings/team"]);
    for (const l of lines) expect(["primary", "replica-1"]).toContain(l.reads);
  });
});

describe("read-your-writes with one delayed and one prompt replica", () => {
  let app: TestApp;
  let http: HttpSession;
  beforeAll(async () => {
    app = await startTestApp({ primaryUrl, replicaUrls: [delayedReplica, promptReplica], env: MANY_WRITES });
    http = await ownerSession(app);
  });
  afterAll(() => app.stop());

  it("0 stale reads in 1,000 write-then-read requests", async () => {
    let stale = 0;
    const hosts = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const email = uniqueEmail("mix", i);
      expect((await http.postJson("/api/team/invites", { email })).status).toBe(201);
      // Two reads per write: the page right away, and again.
      for (let j = 0; j < 2; j++) {
        const page = await http.getText("/settings/team");
        hosts.set(page.reads ?? "none", (hosts.get(page.reads ?? "none") ?? 0) + 1);
        if (!page.text.includes(email)) stale++;
      }
    }
    expect(stale).toBe(0);
    // Pinned reads go to a replica that has replayed the write: the prompt one, or the delayed one
    // only when a request outlasted its 3 s delay (a loaded machine) — never the primary for all.
    expect(hosts.get("replica-2") ?? 0).toBeGreaterThan(0);
  }, 600_000); // 1,500 requests: a cap for a loaded machine, not a speed target
});
