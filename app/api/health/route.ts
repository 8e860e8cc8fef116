import { NextResponse, type NextRequest } from "next/server";
import { isOperator } from "@/lib/operator";
import { replicaMonitor } from "@/lib/replication/monitor";

export const dynamic = "force-dynamic";

/**
 * For load balancers: 200 while the primary answers, 503 otherwise, and nothing more. Operators
 * with the token also get each database's position, lag and errors. Answered from the node's
 * cached probe (at most a second old, the one read routing uses), so polling it costs the
 * databases nothing extra.
 */
export async function GET(request: NextRequest) {
  const health = await replicaMonitor().health();
  const status = health.primary.reachable ? 200 : 503;
  const headers = { "cache-control": "no-store" };
  if (!isOperator(request))
    return NextResponse.json({ status: health.primary.reachable ? "ok" : "unavailable" }, { status, headers });
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
  return NextResponse.json(body, { status, headers });
}
