import { describe, expect, it } from "vitest";
import { type ClusterHealth, type ReplicaMonitor } from "@/lib/replication/monitor";
import { scopeFor, type ReadPin } from "@/lib/replication/pins";
import { decideReadHost } from "@/lib/replication/routing";

// The routing rule on its own, over a fixed picture of the cluster (the integration tests run it
// against real replicas).
function monitorOf(health: Omit<ClusterHealth, "checkedAt">, caughtUp: number[] = []): ReplicaMonitor {
  return {
    replicaCount: health.replicas.length,
    health: async () => ({ ...health, checkedAt: Date.now() }),
    caughtUp: async () => caughtUp,
  } as unknown as ReplicaMonitor;
}
const replica = (index: number, replayLsn: string, inRotation = true) => ({
  index,
  inRotation,
  reason: inRotation ? null : "lagging",
  receiveLsn: replayLsn,
  replayLsn,
  lagBytes: 0,
  lagSeconds: 0,
});
const exp = Math.floor(Date.now() / 1000) + 60;
const pin = (lsn: string | null, paths: string[]): ReadPin => ({ lsn, exp, scope: scopeFor(paths) });
const get = (pathname: string, pins: ReadPin[]) => ({ method: "GET", pathname, pins });

describe("choosing the read host", () => {
  const up = { reachable: true, lsn: "0/9000", error: null };
  const down = { reachable: false, lsn: null, error: "refused" };

  it("a page no pin covers reads from a replica in rotation, never from one out of it", async () => {
    const d = await decideReadHost(
      monitorOf({ primary: up, replicas: [replica(0, "0/1", false), replica(1, "0/1")] }),
      get("/leads", [pin("0/8000", ["/jobs"])]),
    );
    expect(d.host).toEqual({ kind: "replica", index: 1 });
  });

  it("a pinned page reads from a replica that has replayed the write, else from the primary", async () => {
    const m = monitorOf({ primary: up, replicas: [replica(0, "0/7000"), replica(1, "0/8000")] });
    expect((await decideReadHost(m, get("/leads/1", [pin("0/8000", ["/leads"])]))).host).toEqual({
      kind: "replica",
      index: 1,
    });
    expect((await decideReadHost(m, get("/leads/1", [pin("0/8001", ["/leads"])]))).host).toEqual({ kind: "primary" });
  });

  it("with the write's position unknown, reads from the primary while it answers, then from the freshest replica", async () => {
    const pins = [pin(null, ["/leads"])];
    expect(
      (await decideReadHost(monitorOf({ primary: up, replicas: [replica(0, "0/9000")] }), get("/leads", pins))).host,
    ).toEqual({ kind: "primary" });
    const d = await decideReadHost(
      monitorOf({ primary: down, replicas: [replica(0, "0/7000"), replica(1, "0/8000"), replica(2, "0/6000")] }),
      get("/leads", pins),
    );
    expect(d).toMatchObject({
      host: { kind: "replica", index: 1 },
      reason: expect.stringMatching(/primary unreachable/),
    });
  });

  it("writes read from the primary", async () => {
    const d = await decideReadHost(monitorOf({ primary: up, replicas: [replica(0, "0/9000")] }), {
      method: "POST",
      pathname: "/leads",
      pins: [],
    });
    expect(d.host).toEqual({ kind: "primary" });
  });
});
