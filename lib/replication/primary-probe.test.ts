import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ReplicaMonitor } from "@/lib/replication/monitor";
import { decideReadHost } from "@/lib/replication/routing";
import { TcpRelay } from "@/scripts/testing/tcp-relay";

// A node's probe of the primary, through a TCP relay in front of the real primary that can stop
// relaying (the primary, or this node, too slow to answer in time) or refuse (the primary gone).
// A user's pinned page must keep reading from the primary while it is merely slow: reported
// unreachable, the page would come from a replica that has not replayed their write.

const { primaryUrl, replicaUrls } = inject("database");
const GRACE_MS = 3_000;

const pinnedPage = {
  method: "GET",
  pathname: "/leads",
  pins: [{ lsn: "FFFFFF/0", exp: 2 ** 31, scope: "*" as const }],
};

describe("the primary's probe, from a node", () => {
  let relay: TcpRelay;
  let monitor: ReplicaMonitor;

  beforeAll(async () => {
    relay = await TcpRelay.to(primaryUrl);
    monitor = new ReplicaMonitor({
      primaryUrl: relay.urlFor(primaryUrl),
      replicaUrls,
      maxLagBytes: 2 ** 40,
      maxLagSeconds: 3_000,
      primaryGraceMs: GRACE_MS,
    });
  });
  afterAll(() => relay.refuse().catch(() => {}));

  it("keeps a primary that only stopped answering in time reachable for a moment, then reports it unreachable", async () => {
    const answered = await monitor.probe();
    expect(answered.primary).toMatchObject({ reachable: true, error: null });

    relay.mode = "silent";
    const slow = await monitor.probe();
    expect(slow.primary).toMatchObject({
      reachable: true,
      lsn: answered.primary.lsn,
      error: expect.stringMatching(/^slow: .*timeout/),
    });
    // A page this user's write pinned reads from the primary, not from the replica that lacks the write.
    await expect(decideReadHost(monitor, pinnedPage)).resolves.toMatchObject({
      host: { kind: "primary" },
      reason: "pinned, replicas behind this user's write",
    });

    await new Promise((r) => setTimeout(r, GRACE_MS));
    const gone = await monitor.probe();
    expect(gone.primary).toMatchObject({ reachable: false, lsn: null, error: expect.stringMatching(/timeout/) });
    await new Promise((r) => setTimeout(r, 1_100)); // past the node's cached health
    await expect(decideReadHost(monitor, pinnedPage)).resolves.toMatchObject({
      host: { kind: "replica" },
      reason: "pinned, primary unreachable: freshest replica",
    });

    relay.mode = "relay";
    await expect.poll(async () => (await monitor.probe()).primary.reachable).toBe(true);
  });

  it("reports a primary that refuses unreachable at once, however recently it answered", async () => {
    expect((await monitor.probe()).primary.reachable).toBe(true);
    await relay.refuse();
    const refused = await monitor.probe();
    expect(refused.primary).toMatchObject({ reachable: false, lsn: null });
    expect(refused.primary.error).not.toMatch(/timeout/);
  });
});
