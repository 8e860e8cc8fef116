import { NextResponse } from "next/server";
import { replicaMonitor } from "@/lib/replication/monitor";

export const dynamic = "force-dynamic";

/** For load balancers and operators: 200 while the primary answers, 503 otherwise. */
export async function GET() {
  const health = await replicaMonitor().probe();
  const body = {
    status: health.primary.reachable ? "ok" : "primary unreachable",
    primary: health.primary,
    replicas: health.replicas.map((r) => ({
      name: `replica-${r.index + 1}`,
      reachable: !r.reason?.startsWith("unreachable"),
      inRotation: r.inRotation,
      reason: r.reason,
      receiveLsn: r.receiveLsn,
      replayLsn: r.replayLsn,
      lagBytes: r.lagBytes,
      lagSeconds: r.lagSeconds,
    })),
    node: process.env.SHOOTQ_NODE_NAME ?? null,
    checkedAt: new Date(health.checkedAt).toISOString(),
  };
  return NextResponse.json(body, { status: health.primary.reachable ? 200 : 503, headers: { "cache-control": "no-store" } });
}
