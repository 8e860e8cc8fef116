import { describe, expect, it } from "vitest";
import { isReplayedEverywhere, replicaLag, type ClusterHealth } from "@/lib/replication/monitor";

const row = (r: Partial<Parameters<typeof replicaLag>[0]>) => ({
  receive: "0/5000",
  replay: "0/5000",
  streaming: true,
  since_replay: 500,
  ...r,
});

describe("replica lag, from what the replica reports", () => {
  it("is 0 when everything it received is replayed and it is streaming, however long ago the last commit was", () => {
    expect(replicaLag(row({}), "0/5000")).toEqual({ lagBytes: 0, lagSeconds: 0 });
    expect(replicaLag(row({}), "0/5100")).toEqual({ lagBytes: 0x100, lagSeconds: 0 });
  });

  it("is the age of its last replayed commit while it holds WAL it has not replayed (an apply delay, a slow replay)", () => {
    expect(replicaLag(row({ receive: "0/9000", since_replay: 61.5 }), "0/9000")).toEqual({
      lagBytes: 0x4000,
      lagSeconds: 61.5,
    });
    // Nothing replayed since it started: unknown, so treated as too far behind.
    expect(replicaLag(row({ receive: "0/9000", since_replay: null }), "0/9000").lagSeconds).toBe(Infinity);
  });

  it("grows with the time since its last replay when it is cut off from a primary that has more", () => {
    expect(replicaLag(row({ streaming: false, since_replay: 42 }), "0/6000").lagSeconds).toBe(42);
    expect(replicaLag(row({ streaming: false, since_replay: 42 }), "0/5000").lagSeconds).toBe(0);
    // With the primary unreachable there is nothing fresher: it stays usable.
    expect(replicaLag(row({ streaming: false, since_replay: 42 }), null)).toEqual({ lagBytes: null, lagSeconds: 0 });
  });
});

describe("a pin every replica has replayed", () => {
  const health = (replays: (string | null)[]): ClusterHealth => ({
    primary: { reachable: true, lsn: "0/9000", error: null },
    replicas: replays.map((replayLsn, index) => ({
      index,
      inRotation: true,
      reason: null,
      receiveLsn: replayLsn,
      replayLsn,
      lagBytes: 0,
      lagSeconds: 0,
    })),
    checkedAt: Date.now(),
  });

  it("no longer matters; one replica behind or unreachable, or an unknown position, still does", () => {
    expect(isReplayedEverywhere(health(["0/9000", "0/8000"]), "0/8000")).toBe(true);
    expect(isReplayedEverywhere(health(["0/9000", "0/7FFF"]), "0/8000")).toBe(false);
    expect(isReplayedEverywhere(health(["0/9000", null]), "0/8000")).toBe(false);
    expect(isReplayedEverywhere(health(["0/9000"]), null)).toBe(false);
  });
});
