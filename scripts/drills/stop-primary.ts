import pg from "pg";
import { READ_ONLY_MESSAGE } from "../../lib/errors.ts";
import { BIG_STUDIO } from "../bench/generate.ts";
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

type Inquiry = { status: number; body: Record<string, unknown> };

async function postInquiry(baseUrl: string, name: string, email: string): Promise<Inquiry> {
  const res = await fetch(`${baseUrl}/api/inquiries/${BIG_STUDIO.slug}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, email, eventType: "wedding", message: "Sent during the primary drill" }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function countRows(url: string, studioId: string, email: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ leads: number; notifications: number }>(
      `SELECT (SELECT count(*)::int FROM "Lead" WHERE "studioId" = $1 AND email = $2) AS leads,
              (SELECT count(*)::int FROM "Notification" n WHERE n."studioId" = $1 AND n.link IN (SELECT '/leads/' || id FROM "Lead" WHERE email = $2)) AS notifications`,
      [studioId, email],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/**
 * (d) The primary stops under steady reads and writes: pages that only read keep working from
 * the replica; writes answer "ShootQ is read-only for a moment" (a server action as its form
 * state, a POST route as 503) and leave nothing behind; once the primary is back, writes resume.
 */
export async function stopPrimary(ctx: DrillContext, opts: { phaseMs: number }): Promise<DrillResult> {
  const started = Date.now();
  const ledger = new WriteLedger(`d${Date.now().toString(36)}`);
  let primaryDown = false;
  const reads = startTraffic({ baseUrl: ctx.app.url, concurrency: 4, requests: readers(ctx) });
  // The writer may meet "read-only" from the moment the primary starts stopping until writes work again.
  const writes = startTraffic({
    baseUrl: ctx.app.url,
    concurrency: 1,
    pauseMs: 50,
    requests: [writer(ctx, ledger, { origin: ctx.app.url, readOnly: () => primaryDown })],
  });
  await sleep(opts.phaseMs);

  ctx.log("  stopping the primary");
  primaryDown = true;
  const stoppedAt = Date.now();
  const readsAtStop = { sent: reads.result.sent, failed: reads.result.failed };
  await ctx.db.stopPrimary();
  await sleep(Math.min(1_500, opts.phaseMs));
  const inquiryEmail = `drill-d-inquiry-${Date.now().toString(36)}@example.com`;
  const duringInquiry = await postInquiry(ctx.app.url, "Drill Outage Inquiry", inquiryEmail);
  ctx.log(`  POST /api/inquiries during the outage: ${duringInquiry.status} ${JSON.stringify(duringInquiry.body)}`);
  await sleep(opts.phaseMs * 2);
  const readsDuringOutage = {
    sent: reads.result.sent - readsAtStop.sent,
    failed: reads.result.failed - readsAtStop.failed,
  };

  ctx.log("  starting the primary again");
  const restartedAt = Date.now();
  await ctx.db.startPrimary();
  const resumeSeconds = await waitUntil(
    async () => ledger.count("saved") > 0 && [...ledger.outcomes.values()].at(-1) === "saved",
    60_000,
  );
  primaryDown = false;
  ctx.log(`  writes resumed ${resumeSeconds ?? "more than 60"} s after the primary started`);
  const replicaBackSeconds = await waitUntil(
    async () => (await nodeHealth(ctx.app.nodeUrls)).every((h) => h.status === "ok" && h.replicas[0]?.inRotation),
    60_000,
  );
  await sleep(opts.phaseMs);
  const [readResult, writeResult] = [await reads.stop(), await writes.stop()];
  const afterEmail = `drill-d-after-${Date.now().toString(36)}@example.com`;
  const afterInquiry = await postInquiry(ctx.app.url, "Drill After Inquiry", afterEmail);
  const stored = await ledger.verify(ctx.db.primaryUrl, ctx.big.studioId);
  const outageRows = await countRows(ctx.db.primaryUrl, ctx.big.studioId, inquiryEmail);
  const afterRows = await countRows(ctx.db.primaryUrl, ctx.big.studioId, afterEmail);

  const checks = [
    {
      what: "pages that only read kept working while the primary was down",
      ok: readsDuringOutage.sent > 0 && readsDuringOutage.failed === 0,
      detail: `${readsDuringOutage.sent - readsDuringOutage.failed} of ${readsDuringOutage.sent} answered 200`,
    },
    {
      what: "no read failed at all",
      ok: readResult.failed === 0,
      detail: `${readResult.failed} of ${readResult.sent}`,
    },
    {
      what: "writes during the outage answered the read-only message (server action form state)",
      ok: stored.readOnly > 0 && writeResult.failed === 0,
      detail: `${stored.readOnly} read-only, ${stored.failed} other failures`,
    },
    {
      what: `POST /api/inquiries during the outage answered 503 "${READ_ONLY_MESSAGE}"`,
      ok: duringInquiry.status === 503 && duringInquiry.body.error === READ_ONLY_MESSAGE,
      detail: `${duringInquiry.status} ${JSON.stringify(duringInquiry.body)}`,
    },
    {
      what: "nothing half-written: no lead or notification from a write answered read-only",
      ok: stored.readOnlyButStored === 0 && outageRows.leads === 0 && outageRows.notifications === 0,
      detail: JSON.stringify({ ...outageRows, readOnlyButStored: stored.readOnlyButStored }),
    },
    {
      what: "writes resumed once the primary was back",
      ok: resumeSeconds !== null && afterInquiry.status === 201 && afterRows.leads === 1,
      detail: `first saved write ${resumeSeconds?.toFixed(1) ?? "never"} s after the restart; inquiry after: ${afterInquiry.status}`,
    },
    { what: "every saved write is in the database", ok: stored.lost === 0, detail: JSON.stringify(stored) },
  ];
  return summarize("d", "stop the primary", started, checks, {
    sent: readResult.sent + writeResult.sent + 2,
    failed:
      readResult.failed +
      writeResult.failed +
      (duringInquiry.status === 503 ? 0 : 1) +
      (afterInquiry.status === 201 ? 0 : 1),
    dataLost: stored.lost,
    failures: [...readResult.failures, ...writeResult.failures],
    details: {
      outageSeconds: Math.round((restartedAt - stoppedAt) / 100) / 10,
      writesResumedSeconds: resumeSeconds,
      replicaInRotationAgainSeconds: replicaBackSeconds,
      inquiryDuringOutage: duringInquiry,
      inquiryAfter: afterInquiry.status,
      writes: stored,
      readsByHost: readResult.reads,
      reads: readResult.byLabel,
      readsDuringOutage,
    },
  });
}
