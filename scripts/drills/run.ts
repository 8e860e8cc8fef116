// `npm run drills`: failure drills on loopback, each under steady traffic. A throwaway primary +
// replica with a little generated data, the app cluster (nginx + 2 nodes), then: (e) bad input
// and forged cookies, (a) kill the replica, (b) kill an app node, (d) stop the primary, (c) kill
// and restart the worker, (f) kill and restart the billing service. Writes bench/results/drills.json and drills.md; exits 1 when a drill fails.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { waitForReplay } from "../testing/database.ts";
import { generateScaleData } from "../bench/generate.ts";
import { startBenchApp, startBenchDatabase } from "../bench/lib/stack.ts";
import { runHarness, type Log } from "../lib/harness.ts";
import { ROOT } from "../lib/paths.ts";
import { badInput } from "./bad-input.ts";
import { killNode } from "./kill-node.ts";
import { killReplica } from "./kill-replica.ts";
import { findBig, nodeHealth, signInBig, waitUntil, type DrillContext, type DrillResult } from "./lib/context.ts";
import { renderDrillsMarkdown } from "./lib/report.ts";
import { readServerActions } from "../bench/lib/server-actions.ts";
import { restartBilling } from "./restart-billing.ts";
import { restartWorker } from "./restart-worker.ts";
import { stopPrimary } from "./stop-primary.ts";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    phase: { type: "string" },
    emails: { type: "string" },
    invoices: { type: "string" },
    out: { type: "string" },
  },
  strict: true,
});
const ORDER = ["e", "a", "b", "d", "c", "f"] as const;
const only = (values.only ?? ORDER.join(",")).split(",").map((s) => s.trim());
if (!only.every((d) => (ORDER as readonly string[]).includes(d))) {
  console.error(`--only takes drill letters from ${ORDER.join(", ")} (e.g. --only a,d)`);
  process.exit(2);
}
const phaseMs = Number(values.phase ?? 3) * 1000;
const emails = Number(values.emails ?? 40);
const invoices = Number(values.invoices ?? 400);
const outPrefix = values.out ?? path.join(ROOT, "bench", "results", "drills");
if (
  !(phaseMs >= 1000 && phaseMs <= 30_000) ||
  !(Number.isInteger(emails) && emails >= 3 && emails <= 1000) ||
  !(Number.isInteger(invoices) && invoices >= 20 && invoices <= 5000)
) {
  console.error(
    "--phase takes seconds from 1 to 30; --emails a whole number from 3 to 1000; --invoices from 20 to 5000",
  );
  process.exit(2);
}

/** Every node healthy, in rotation, and seeing the replica: the state each drill starts from. */
async function settle(ctx: DrillContext) {
  const seconds = await waitUntil(async () => {
    const nodes = ctx.app.cluster.status().nodes;
    if (!nodes.every((n) => n.state === "up" && n.healthy && n.inRotation)) return false;
    return (await nodeHealth(ctx.app.nodeUrls)).every(
      (h) => h.status === "ok" && h.replicas.every((r) => r.inRotation),
    );
  }, 90_000);
  if (seconds === null)
    throw new Error("the cluster did not settle (every node up, the replica in rotation) within 90 s");
  await waitForReplay(ctx.db, 60_000);
}

async function main(log: Log): Promise<void> {
  const startedAt = new Date().toISOString();
  // The worker and billing drills send hundreds of one studio's emails in a minute; the daily
  // quota protects the platform's sender from a real studio, not from a drill.
  process.env.STUDIO_DAILY_EMAIL_QUOTA ??= "100000";
  const db = await startBenchDatabase(log);
  const data = await generateScaleData(db.superPrimaryUrl, { scale: 0.01 });
  log(
    `data: ${Object.entries(data.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}`,
  );
  const app = await startBenchApp(db, { nodes: 2, log });
  const ctx: DrillContext = {
    db,
    app,
    cookie: await signInBig(app.url),
    big: await findBig(db.primaryUrl),
    actions: readServerActions(),
    log,
  };
  const drills: Record<(typeof ORDER)[number], () => Promise<DrillResult>> = {
    e: () => badInput(ctx),
    a: () => killReplica(ctx, { phaseMs }),
    b: () => killNode(ctx, { phaseMs }),
    d: () => stopPrimary(ctx, { phaseMs }),
    c: () => restartWorker(ctx, { emails }),
    f: () => restartBilling(ctx, { invoices }),
  };
  const results: DrillResult[] = [];
  for (const id of ORDER.filter((d) => only.includes(d))) {
    await settle(ctx);
    log(`drill ${id}…`);
    const started = Date.now();
    try {
      const result = await drills[id]();
      results.push(result);
      log(
        `drill ${id} (${result.name}): ${result.ran ? (result.passed ? "PASSED" : "FAILED") : "NOT RUN"}; sent ${result.sent}, failed ${result.failed}, data lost ${result.dataLost}`,
      );
      for (const c of result.checks)
        log(`  ${c.ok ? "ok  " : "FAIL"} ${c.what}${c.detail ? `: ${c.detail.split("\n")[0]}` : ""}`);
    } catch (e) {
      results.push({
        id,
        name: `drill ${id}`,
        ran: true,
        passed: false,
        sent: 0,
        failed: 0,
        dataLost: 0,
        checks: [{ what: "the drill ran to the end", ok: false, detail: String((e as Error).stack ?? e) }],
        details: {},
        failures: [],
        seconds: (Date.now() - started) / 1000,
      });
      log(`drill ${id} crashed: ${(e as Error).message}`);
    }
  }
  const report = {
    command: "npm run drills",
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverageAtStart: os.loadavg() },
    options: { phaseMs, emails, invoices },
    drills: results,
  };
  mkdirSync(path.dirname(outPrefix), { recursive: true });
  writeFileSync(`${outPrefix}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${outPrefix}.md`, renderDrillsMarkdown(report));
  log(`wrote ${path.relative(ROOT, outPrefix)}.json and .md`);
  if (results.some((r) => r.ran && !r.passed)) process.exitCode = 1;
}

await runHarness({ name: "drills", elapsed: true, limitMinutes: 15 }, main);
