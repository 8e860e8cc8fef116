import {
  nodeHealth,
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

/**
 * (a) The replica dies (pg_ctl immediate stop) under steady reads and writes: reads move to the
 * primary without a failed request; restarted, the replica rejoins the rotation on every node.
 */
export async function killReplica(ctx: DrillContext, opts: { phaseMs: number }): Promise<DrillResult> {
  const started = Date.now();
  const ledger = new WriteLedger(`a${Date.now().toString(36)}`);
  const traffic = startTraffic({
    baseUrl: ctx.app.url,
    concurrency: 4,
    requests: [...readers(ctx), writer(ctx, ledger, { origin: ctx.app.url })],
  });
  const readsAt = () => ({ ...traffic.result.reads });
  await sleep(opts.phaseMs);
  const before = readsAt();
  ctx.log("  stopping the replica (immediate)");
  await ctx.db.stopReplica(0);
  await sleep(opts.phaseMs * 2);
  const during = readsAt();
  ctx.log("  starting the replica again");
  const restarted = Date.now();
  await ctx.db.startReplica(0);
  const rejoinSeconds = await waitUntil(
    async () => (await nodeHealth(ctx.app.nodeUrls)).every((h) => h.replicas[0]?.inRotation),
    60_000,
  );
  ctx.log(`  replica back in rotation on every node after ${rejoinSeconds ?? "more than 60"} s`);
  const rejoined = readsAt();
  await sleep(opts.phaseMs);
  const result = await traffic.stop();
  const after = readsAt();
  const writes = await ledger.verify(ctx.db.primaryUrl, ctx.big.studioId);

  const delta = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.keys({ ...a, ...b })
        .map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)])
        .filter(([, v]) => (v as number) > 0),
    );
  const readsDuring = delta(before, during);
  const readsAfter = delta(rejoined, after);
  const checks = [
    { what: "no request failed", ok: result.failed === 0, detail: `${result.failed} of ${result.sent}` },
    // Requests routed in the second before the nodes' probes saw it die still say replica-1 (their
    // queries fell back to the primary inside the request).
    {
      what: "while the replica was down, reads went mostly to the primary",
      ok: (readsDuring.primary ?? 0) > (readsDuring["replica-1"] ?? 0),
      detail: JSON.stringify(readsDuring),
    },
    {
      what: "the replica rejoined the rotation on every node",
      ok: rejoinSeconds !== null,
      detail: rejoinSeconds === null ? "not within 60 s" : `${rejoinSeconds.toFixed(1)} s after its restart`,
    },
    {
      what: "after rejoining, reads went to the replica again",
      ok: (readsAfter["replica-1"] ?? 0) > 0,
      detail: JSON.stringify(readsAfter),
    },
    { what: "every saved write is in the database", ok: writes.lost === 0, detail: JSON.stringify(writes) },
  ];
  return summarize("a", "kill the replica", started, checks, {
    sent: result.sent,
    failed: result.failed,
    dataLost: writes.lost,
    failures: result.failures,
    details: {
      readsBefore: before,
      readsDuring,
      readsAfterRejoin: readsAfter,
      rejoinSeconds,
      restartedAt: new Date(restarted).toISOString(),
      writes,
      byLabel: result.byLabel,
    },
  });
}
