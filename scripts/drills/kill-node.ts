import { readFileSync, readdirSync } from "node:fs";
import {
  readers,
  sleep,
  summarize,
  waitUntil,
  writer,
  WriteLedger,
  type DrillContext,
  type DrillResult,
} from "./lib/context.ts";
import { startTraffic } from "./lib/traffic.ts";

/** `pid` and its descendants (Linux /proc): `next start` may serve from a child process. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone while we looked
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i]) ?? []));
  return out;
}

/**
 * (b) One app node is killed (SIGKILL, no goodbye) under steady traffic through nginx: no GET
 * fails (nginx retries it on the other node), the cluster restarts the node, traffic returns to it.
 * A write in flight on the dying node fails and is not replayed (nginx never resends a POST).
 */
export async function killNode(ctx: DrillContext, opts: { phaseMs: number }): Promise<DrillResult> {
  const started = Date.now();
  const ledger = new WriteLedger(`b${Date.now().toString(36)}`);
  const traffic = startTraffic({
    baseUrl: ctx.app.url,
    concurrency: 8,
    requests: [...readers(ctx), writer(ctx, ledger, { origin: ctx.app.url })],
  });
  await sleep(opts.phaseMs);
  const victim = ctx.app.cluster.status().nodes[0];
  const restartsBefore = victim.restarts;
  const pids = victim.pid ? processTree(victim.pid) : [];
  ctx.log(`  killing ${victim.name} (pids ${pids.join(", ")})`);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  const backSeconds = await waitUntil(async () => {
    const n = ctx.app.cluster.status().nodes.find((x) => x.name === victim.name);
    return Boolean(n && n.restarts > restartsBefore && n.state === "up" && n.healthy);
  }, 90_000);
  ctx.log(`  ${victim.name} restarted and healthy after ${backSeconds ?? "more than 90"} s`);
  const nodesBeforeLastPhase = { ...traffic.result.nodes };
  await sleep(opts.phaseMs);
  const result = await traffic.stop();
  const writes = await ledger.verify(ctx.db.primaryUrl, ctx.big.studioId);
  const gets = Object.entries(result.byLabel).filter(([label]) => label.startsWith("GET"));
  const getFailures = gets.reduce((n, [, s]) => n + s.failed, 0);
  const servedByVictimAfter = (result.nodes[victim.name] ?? 0) - (nodesBeforeLastPhase[victim.name] ?? 0);
  const checks = [
    {
      what: "no GET failed",
      ok: getFailures === 0,
      detail: `${getFailures} of ${gets.reduce((n, [, s]) => n + s.sent, 0)}`,
    },
    {
      what: "the killed node was restarted and is healthy",
      ok: backSeconds !== null,
      detail: backSeconds === null ? "not within 90 s" : `${backSeconds.toFixed(1)} s after the kill`,
    },
    {
      what: "the restarted node serves again",
      ok: servedByVictimAfter > 0,
      detail: `${servedByVictimAfter} requests in the last ${opts.phaseMs / 1000} s`,
    },
    { what: "every saved write is in the database", ok: writes.lost === 0, detail: JSON.stringify(writes) },
  ];
  return summarize("b", "kill one app node", started, checks, {
    sent: result.sent,
    failed: result.failed,
    dataLost: writes.lost,
    failures: result.failures,
    details: {
      killed: victim.name,
      pids,
      restartSeconds: backSeconds,
      writes,
      byLabel: result.byLabel,
      byNode: result.nodes,
      resent: result.resent,
    },
  });
}
