import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { createStudio } from "@/prisma/factories";
import { PrismaClient } from "@/prisma/generated/prisma/client";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { startTestDatabase, type TestDatabase } from "@/scripts/testing/database";
import { HttpSession } from "@/scripts/testing/http";

// Its own primary and prompt replica, so killing the replica disturbs no other test.
describe("a replica that dies", () => {
  let database: TestDatabase;
  let app: TestApp;
  let http: HttpSession;
  let studioName: string;

  beforeAll(async () => {
    database = await startTestDatabase(["0"]);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.primaryUrl }) });
    // A name without characters HTML escapes, so the page text can be matched as is.
    const { studio, owner, password } = await createStudio(db, { name: `Failover Studio ${Date.now()}` });
    studioName = studio.name;
    await db.$disconnect();
    app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: database.replicaUrls });
    http = new HttpSession(app.url);
    await http.signIn(owner.email, password);
  });
  afterAll(async () => {
    await app?.stop();
    await database?.destroy();
  });

  async function readDashboard() {
    const page = await http.getText("/dashboard");
    const ok = page.status === 200 && page.text.includes(studioName);
    return {
      ok,
      reads: page.reads,
      why: ok
        ? ""
        : `${page.status} ${page.text
            .replace(/<[^>]+>/g, " ")
            .replace(/\s+/g, " ")
            .slice(0, 300)}`,
    };
  }

  it("every read succeeds while it is down, and it is used again once it is back", async () => {
    expect((await readDashboard()).reads).toBe("replica-1");

    await database.stopReplica(0);
    const during: boolean[] = [];
    const failures: string[] = [];
    const hosts = new Set<string | null>();
    // At least 4 s and at least 11 reads, however slow each read is on a loaded machine.
    const until = Date.now() + 4_000;
    while (Date.now() < until || during.length <= 10) {
      const r = await readDashboard();
      during.push(r.ok);
      if (!r.ok) failures.push(r.why);
      hosts.add(r.reads);
    }
    expect(during.length).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    expect(hosts.has("primary")).toBe(true);

    const health = await (
      await fetch(`${app.url}/api/health`, { headers: { authorization: `Bearer ${process.env.OPERATOR_TOKEN}` } })
    ).json();
    expect(health.replicas[0]).toMatchObject({ reachable: false, inRotation: false });
    expect(health.replicas[0].reason).toMatch(/unreachable/);

    await database.startReplica(0);
    // Back in rotation once the health probe sees it again: wait for that, reading all along.
    await expect
      .poll(
        async () => {
          const r = await readDashboard();
          expect(r.ok).toBe(true);
          return r.reads;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe("replica-1");
  });
});
