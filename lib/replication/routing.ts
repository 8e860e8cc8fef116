import { hasReplayed } from "@/lib/replication/lsn";
import { type ClusterHealth, type ReplicaMonitor } from "@/lib/replication/monitor";
import { foldPins, pinCovers, type ReadPin } from "@/lib/replication/pins";
import { type ReadHost } from "@/lib/replication/read-host";

export type ReadDecision = { host: ReadHost; reason: string; health?: ClusterHealth };

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * Chooses the one host a request reads from. Requests that write read from the primary. A GET
 * for a page the user's own write changed (a pin covers it) reads from a replica only if that
 * replica has replayed the write; every other GET reads from any replica in rotation.
 */
export async function decideReadHost(
  monitor: ReplicaMonitor,
  request: { method: string; pathname: string; pins: ReadPin[] },
): Promise<ReadDecision> {
  if (request.method !== "GET" && request.method !== "HEAD")
    return { host: { kind: "primary" }, reason: "write request" };
  if (monitor.replicaCount === 0) return { host: { kind: "primary" }, reason: "no replicas configured" };

  const health = await monitor.health();
  const decide = (host: ReadHost, reason: string): ReadDecision => ({ host, reason, health });
  const inRotation = health.replicas.filter((r) => r.inRotation).map((r) => r.index);
  if (inRotation.length === 0) return decide({ kind: "primary" }, "no replica in rotation");

  const covering = request.pins.filter((pin) => pinCovers(pin, request.pathname));
  if (covering.length === 0) return decide({ kind: "replica", index: pick(inRotation) }, "replica");

  const needed = foldPins(covering).lsn;
  if (needed !== null) {
    const known = inRotation.filter((i) => hasReplayed(health.replicas[i]?.replayLsn, needed));
    if (known.length > 0) return decide({ kind: "replica", index: pick(known) }, "pinned, replica caught up");
    const fresh = await monitor.caughtUp(inRotation, needed);
    if (fresh.length > 0) return decide({ kind: "replica", index: pick(fresh) }, "pinned, replica caught up");
  }
  // No replica is known to have the write (or its position could not be read after the commit):
  // the primary, while it answers. When it does not, no host can show the write unless a replica
  // has it, and a page from the replica that has replayed the most beats an error page.
  if (health.primary.reachable)
    return decide(
      { kind: "primary" },
      needed === null ? "pinned, position unknown" : "pinned, replicas behind this user's write",
    );
  return decide(
    { kind: "replica", index: freshest(health, inRotation) },
    "pinned, primary unreachable: freshest replica",
  );
}

function freshest(health: ClusterHealth, candidates: number[]): number {
  const replayed = (i: number) => health.replicas[i]?.replayLsn ?? "0/0";
  return candidates.reduce((best, i) => (hasReplayed(replayed(i), replayed(best)) ? i : best));
}
