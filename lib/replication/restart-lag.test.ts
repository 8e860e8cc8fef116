import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudio } from "@/prisma/factories";
import { PrismaClient } from "@/prisma/generated/prisma/client";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { startTestDatabase, waitForReplay, type TestDatabase } from "@/scripts/testing/database";
import { HttpSession } from "@/scripts/testing/http";

// Its own primary and replica: the replica is made to apply WAL 60 s late while writes keep
// arriving, so it falls further and further behind. A node that has just (re)started must keep it
// out of rotation from its very first request: lag is what the replica reports, not what this
// node has watched since it started.

const MAX_LAG_SECONDS = 5;

describe("a node started while the replica applies WAL 60 s late", () => {
  let cluster: TestDatabase;
  let primary: pg.Client;
  let replica: pg.Client;
  let owner: { email: string; password: string };
  let writer: ReturnType<typeof setInterval> | undefined;
  const apps: TestApp[] = [];

  const startNode = async () => {
    const app = await startTestApp({
      primaryUrl: cluster.primaryUrl,
      replicaUrls: cluster.replicaUrls,
      env: { REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS), READ_PIN_SECONDS: String(MAX_LAG_SECONDS * 2) },
    });
    apps.push(app);
    const http = new HttpSession(app.url);
    await http.signIn(owner.email, owner.password);
    return { app, http };
  };

  beforeAll(async () => {
    cluster = await startTestDatabase(["0"]);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: cluster.primaryUrl }) });
    const made = await createStudio(db);
    owner = { email: made.owner.email, password: made.password };
    await db.$disconnect();
    primary = new pg.Client({ connectionString: cluster.primaryUrl });
    await primary.connect();
    await primary.query("CREATE TABLE lag_probe (at timestamptz NOT NULL DEFAULT now())");
    await waitForReplay(cluster);
    const admin = new URL(cluster.adminUrl);
    admin.port = new URL(cluster.replicaUrls[0]).port;
    replica = new pg.Client({ connectionString: admin.toString() });
    await replica.connect();
  });
  afterAll(async () => {
    clearInterval(writer);
    for (const app of apps) await app.stop();
    await primary?.end();
    await replica?.end();
    await cluster?.destroy();
  });

  /** The node says the replica is out, and every page it serves is read from the primary. */
  async function expectKeptOut(node: Awaited<ReturnType<typeof startNode>>) {
    const health = (await (
      await fetch(`${node.app.url}/api/health`, { headers: { authorization: `Bearer ${process.env.OPERATOR_TOKEN}` } })
    ).json()) as { replicas: { inRotation: boolean; lagSeconds: number | null; reason: string }[] };
    expect(health.replicas[0]).toMatchObject({ inRotation: false, reason: expect.stringMatching(/lagging/) });
    expect(health.replicas[0].lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
    const reads = new Set<string | null>();
    for (let i = 0; i < 30; i++) {
      const page = await node.http.getText(i % 2 ? "/dashboard" : "/leads");
      expect(page.status).toBe(200);
      reads.add(page.reads);
    }
    expect([...reads]).toEqual(["primary"]);
  }

  it("reads nothing from it, neither before nor after a restart", async () => {
    const first = await startNode();
    // In step, the replica serves the studio's pages.
    expect((await first.http.getText("/dashboard")).reads).toBe("replica-1");

    await replica.query("ALTER SYSTEM SET recovery_min_apply_delay = '60s'");
    await replica.query("SELECT pg_reload_conf()");
    writer = setInterval(() => void primary.query("INSERT INTO lag_probe DEFAULT VALUES").catch(() => {}), 200);
    // Until, by its own clock and positions, the replica is well past the limit.
    await expect
      .poll(
        async () => {
          const { rows } = await replica.query<{ behind: number | null }>(
            `SELECT CASE WHEN pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS behind`,
          );
          return rows[0].behind ?? 0;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBeGreaterThan(MAX_LAG_SECONDS + 2);

    await expectKeptOut(first);
    await first.app.stop();
    await expectKeptOut(await startNode());
  }, 120_000);
});
