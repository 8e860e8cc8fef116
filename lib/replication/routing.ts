import { lsnToBigInt, maxLsn } from "@/lib/replication/lsn";
import { type ReadHost } from "@/lib/replication/read-host";
import { type ClusterHealth, type ReplicaMonitor } from "@/lib/replication/monitor";
import { pinCovers, prunePins, type ReadPin } from "@/lib/session";

export type ReadDecision = { host: ReadHost; reason: string };

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * Chooses the one host a request reads from. Requests that write read from the primary. A GET
 * for a path the user just changed reads from a replica only if that replica has replayed the
 * change; every other GET reads from any replica in rotation.
 *
 * Pins are never rewritten here: a response that dropped pins could overwrite a cookie that a
 * concurrent action just extended. A pin that every replica has replayed simply stops mattering
 * (and costs no probe, thanks to the cached replay positions) until it expires.
 */
export async function decideReadHost(
  monitor: ReplicaMonitor,
  request: { method: string; pathname: string; pins: ReadPin[] },
  now = Date.now(),
): Promise<ReadDecision> {
  if (request.method !== "GET" && request.method !== "HEAD") return { host: { kind: "primary" }, reason: "write request" };
  if (monitor.replicaCount === 0) return { host: { kind: "primary" }, reason: "no replicas configured" };

  const health = await monitor.health();
  const inRotation = health.replicas.filter((r) => r.inRotation).map((r) => r.index);
  if (inRotation.length === 0) return { host: { kind: "primary" }, reason: "no replica in rotation" };

  const covering = prunePins(request.pins, now).filter((pin) => pin.paths.some((p) => pinCovers(p, request.pathname)));
  if (covering.length === 0) return { host: { kind: "replica", index: pick(inRotation) }, reason: "replica" };

  const needed = covering.map((p) => p.lsn).reduce(maxLsn);
  const known = inRotation.filter((i) => replayedPast(health, i, needed));
  if (known.length > 0) return { host: { kind: "replica", index: pick(known) }, reason: "pinned, replica caught up" };
  const fresh = await monitor.caughtUp(inRotation, needed);
  if (fresh.length > 0) return { host: { kind: "replica", index: pick(fresh) }, reason: "pinned, replica caught up" };
  return { host: { kind: "primary" }, reason: "pinned, replicas behind this user's write" };
}

function replayedPast(health: ClusterHealth, index: number, lsn: string): boolean {
  const replay = health.replicas[index]?.replayLsn;
  return replay != null && lsnToBigInt(replay) >= lsnToBigInt(lsn);
}
