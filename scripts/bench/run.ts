// `npm run bench`: ShootQ under load on this machine, end to end and on loopback only. A throwaway
// primary + replica, data generated at 10% then topped up to 100%, the app cluster (nginx + 2
// nodes) beside one node reached directly, autocannon at several concurrency levels. Writes
// bench/results/latest.json and latest.md. `--quick` is a short smoke run (tiny data, 1 s cells).
// `--only export` runs just the export scenario (the big studio's leads CSV from one node, with
// that node's memory growth) and prints it; `--only reports` runs just the reports scenario (each
// report's database time on the replica, then /reports under load on the cluster and one node);
// `--only memory` runs just the memory soak (a fresh node's memory after 2,000 and 20,000 of the
// big studio's dashboards). `--against <folder>` also runs one node of a previous build (an earlier
// commit checked out and built in that folder) beside one of this build, page by page, cells
// interleaved (scripts/bench/lib/against.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { HttpSession } from "../testing/http.ts";
import { waitForReplay } from "../testing/database.ts";
import { nginxBinary } from "../lib/nginx.ts";
import { runHarness, type Log } from "../lib/harness.ts";
import { ROOT, localSecrets } from "../lib/paths.ts";
import { currentBuildId } from "../lib/release.ts";
import { BIG_STUDIO, generateScaleData, type ScaleReport } from "./generate.ts";
import { LAST_NAMES } from "../../prisma/factories.ts";
import { median, runLoad, type LoadSpec, type LoadStats } from "./lib/load.ts";
import { compareWithPreviousBuild, previousBuildProblem, type BuildComparison } from "./lib/against.ts";
import { measureExportMemory, type ExportMemory } from "./lib/export-memory.ts";
import { measureReportQueries, type ReportsBench } from "./lib/reports.ts";
import { soakMemory, type MemorySoak } from "./lib/memory-soak.ts";
import { captureQueries, readShare, snapshotCounters } from "./lib/pg-stats.ts";
import { ratioTo, renderMarkdown, type BenchResults, type Measurement, type Target } from "./lib/report.ts";
import { postmasterPid, treeCpuSeconds } from "./lib/server-cpu.ts";
import { actionHeaders, encodeActionBody, findServerAction, readServerActions } from "./lib/server-actions.ts";
import { sql } from "../testing/database.ts";
import { startBenchApp, startBenchDatabase, type BenchDatabase } from "./lib/stack.ts";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    duration: { type: "string" },
    levels: { type: "string" },
    small: { type: "string" },
    full: { type: "string" },
    out: { type: "string" },
    only: { type: "string" },
    against: { type: "string" },
  },
  strict: true,
});
const quick = values.quick;
// Cells of 10 s after a warm-up: at 3 s a cell at 64 connections cut its slowest requests off.
const durationSec = Number(values.duration ?? (quick ? 1 : 10));
const levels = (values.levels ?? (quick ? "4,16" : "8,32,64")).split(",").map(Number);
const smallScale = Number(values.small ?? (quick ? 0.005 : 0.1));
const fullScale = Number(values.full ?? (quick ? 0.01 : 1.0));
const outPrefix =
  values.out ??
  (quick || values.only
    ? path.join(os.tmpdir(), values.only ? "shootq-bench" : "shootq-bench-quick")
    : path.join(ROOT, "bench", "results", "latest"));
const ONLY = ["export", "reports", "memory"];
if (values.only !== undefined && !ONLY.includes(values.only)) {
  console.error(`--only takes one scenario: ${ONLY.join(", ")}`);
  process.exit(2);
}
const againstProblem = values.against === undefined ? null : previousBuildProblem(values.against);
if (againstProblem) {
  console.error(`--against: ${againstProblem}`);
  process.exit(2);
}
if (!levels.every((n) => Number.isInteger(n) && n > 0 && n <= 256) || !(durationSec > 0 && durationSec <= 60)) {
  console.error("--levels takes whole numbers from 1 to 256 (e.g. 8,32,64); --duration seconds from 1 to 60");
  process.exit(2);
}

function version(cmd: string, args: string[]): string {
  try {
    return (
      execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] })
        .toString()
        .trim() || "?"
    );
  } catch (e) {
    return ((e as { stderr?: Buffer }).stderr?.toString() ?? "?").trim();
  }
}

async function bigStudio(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; lead: string; leads: number }>(
      `SELECT s.id, (SELECT id FROM "Lead" WHERE "studioId" = s.id ORDER BY "createdAt" DESC LIMIT 1) AS lead,
              (SELECT count(*)::int FROM "Lead" WHERE "studioId" = s.id) AS leads
       FROM "Studio" s WHERE s.slug = $1`,
      [BIG_STUDIO.slug],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

const WRITER_EMAIL = "bench.writer@example.com";
async function countWrites(url: string, studioId: string): Promise<number> {
  const [rows] = await sql(
    url,
    `SELECT count(*)::int AS n FROM "Lead" WHERE "studioId" = '${studioId}' AND email = '${WRITER_EMAIL}'`,
  );
  return rows[0].n as number;
}

const EXPORT_PATH = "/exports/leads?status=all";

/**
 * The big studio's every lead as CSV from one node, after a warm-up export (which loads the
 * route's code), with the growth of that node's resident memory while the file streams.
 */
async function exportScenario(app: Awaited<ReturnType<typeof startBenchApp>>, log: Log): Promise<ExportMemory> {
  const node = app.cluster.status().nodes[0];
  if (!node.pid) throw new Error("the first app node has no process id");
  const nodeUrl = `http://127.0.0.1:${node.port}`;
  const session = new HttpSession(nodeUrl);
  await session.signIn(BIG_STUDIO.email, BIG_STUDIO.password);
  const warmUp = await session.fetch("/exports/leads?q=no-such-lead");
  if (warmUp.status !== 200) throw new Error(`the warm-up export answered ${warmUp.status}`);
  await warmUp.arrayBuffer();
  const result = await measureExportMemory({
    nodeUrl,
    pid: node.pid,
    cookie: session.cookieHeader(),
    path: EXPORT_PATH,
  });
  log(
    `export ${result.path}: ${result.rows.toLocaleString("en-US")} rows, ${(result.bytes / 2 ** 20).toFixed(1)} MiB in ${result.seconds} s; ` +
      `node memory ${result.rssBeforeMiB} MiB before, ${result.rssPeakMiB} MiB at most: +${result.growthMiB} MiB`,
  );
  return result;
}

/** A database of its own for one `--only` scenario, with the full volume generated and replayed on the replica. */
async function fullVolumeDatabase(log: Log): Promise<BenchDatabase> {
  const db = await startBenchDatabase(log);
  log(`generating data at ${fullScale * 100}% volume…`);
  await generateScaleData(db.superPrimaryUrl, { scale: fullScale, log: (l) => log(`  ${l}`) });
  await waitForReplay(db, 300_000);
  return db;
}

/** Writes one `--only` scenario's result next to the run's other files. */
function writeResult(scenario: string, result: unknown, log: Log) {
  const file = `${outPrefix}-${scenario}.json`;
  mkdirSync(path.dirname(outPrefix), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, file)}`);
}

async function exportOnly(log: Log) {
  const db = await fullVolumeDatabase(log);
  const app = await startBenchApp(db, { nodes: 1, log });
  try {
    const result = await exportScenario(app, log);
    writeResult("export", result, log);
  } finally {
    await app.stop();
  }
}

const REPORTS_PATH = "/reports";

/**
 * The big studio's reports: each report's database time on the replica (its statements
 * EXPLAIN ANALYZEd there), then the page itself under load, behind nginx and on one node.
 */
async function reportsScenario(
  app: Awaited<ReturnType<typeof startBenchApp>>,
  db: BenchDatabase,
  log: Log,
): Promise<ReportsBench> {
  const big = await bigStudio(db.primaryUrl);
  const [brands] = await sql(
    db.primaryUrl,
    `SELECT id FROM "Brand" WHERE "studioId" = '${big.id}' ORDER BY name LIMIT 1`,
  );
  const timing = await measureReportQueries({
    replicaUrl: db.replicaUrls[0],
    studioId: big.id,
    brandId: brands[0].id as string,
    timeZone: "America/New_York",
  });
  log(
    `reports over ${timing.range.from}..${timing.range.to}, database time on the replica (median of ${timing.runs}):`,
  );
  for (const q of timing.queries)
    log(
      `  ${q.report.padEnd(20)} ${q.brand === "all" ? "all brands" : "one brand "}  ${String(q.medianMs).padStart(7)} ms (worst ${q.maxMs} ms, ${q.statements} statements)`,
    );
  const session = new HttpSession(app.url);
  await session.signIn(BIG_STUDIO.email, BIG_STUDIO.password);
  const headers = { cookie: session.cookieHeader() };
  const check = await session.getText(REPORTS_PATH);
  if (check.status !== 200) throw new Error(`the big studio's reports answered ${check.status}`);
  const page: ReportsBench["page"] = [];
  for (const c of levels) {
    for (const target of ["cluster", "single"] as const) {
      const url = `${target === "cluster" ? app.url : app.nodeUrls[0]}${REPORTS_PATH}`;
      await runLoad({ url, headers, connections: Math.min(c, 4), amount: Math.max(8, c) });
      const stats = await runLoad({ url, headers, connections: c, durationSec });
      log(`  ${"reports page".padEnd(14)} ${target.padEnd(7)} c=${String(c).padEnd(3)} ${fmt(stats)}`);
      page.push({ target, connections: c, stats });
    }
  }
  return { ...timing, page };
}

async function reportsOnly(log: Log) {
  const db = await fullVolumeDatabase(log);
  const app = await startBenchApp(db, { nodes: 2, log });
  try {
    const result = await reportsScenario(app, db, log);
    writeResult("reports", result, log);
  } finally {
    await app.stop();
  }
}

/** The soak's checkpoints: memory after the first stretch, and after ten times as many requests. */
const SOAK_CHECKPOINTS = quick ? [200, 2_000] : [2_000, 20_000];
const SOAK_CONNECTIONS = 8;
/** Pairs of one-connection cells (empty page, dashboard) at each volume of the growth scenario. */
const GROWTH_PAIRS = quick ? 1 : 3;

/**
 * A fresh node of its own (nothing served before), the big studio's dashboard sent to it until it
 * has answered each checkpoint, its memory sampled there: does a node level off or keep growing?
 */
async function memoryScenario(db: BenchDatabase, log: Log): Promise<MemorySoak> {
  const app = await startBenchApp(db, { nodes: 1, log });
  try {
    const node = app.cluster.status().nodes[0];
    if (!node.pid) throw new Error("the soak's app node has no process id");
    const session = new HttpSession(app.nodeUrls[0]);
    await session.signIn(BIG_STUDIO.email, BIG_STUDIO.password);
    const soak = await soakMemory({
      nodeUrl: app.nodeUrls[0],
      pid: node.pid,
      headers: { cookie: session.cookieHeader() },
      path: "/dashboard",
      connections: SOAK_CONNECTIONS,
      checkpoints: SOAK_CHECKPOINTS,
      operatorToken: localSecrets().OPERATOR_TOKEN,
      log,
    });
    log(`  resident memory after ${SOAK_CHECKPOINTS.at(-1)} vs ${SOAK_CHECKPOINTS[0]} requests: ${soak.growth}×`);
    if (soak.failed) throw new Error(`${soak.failed} dashboard requests of the memory soak failed`);
    return soak;
  } finally {
    await app.stop();
  }
}

async function memoryOnly(log: Log) {
  const db = await fullVolumeDatabase(log);
  log(`memory: a fresh node's memory over ${SOAK_CHECKPOINTS.at(-1)} dashboards`);
  const result = await memoryScenario(db, log);
  writeResult("memory", result, log);
}

async function main(log: Log) {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  log(
    `levels ${levels.join(", ")}; ${durationSec} s per cell; data ${smallScale * 100}% then ${fullScale * 100}%; load average ${loadAverageAtStart.join(" ")}`,
  );

  const db = await startBenchDatabase(log);
  const generation: ScaleReport[] = [];
  const generate = async (scale: number) => {
    log(`generating data at ${scale * 100}% volume…`);
    const report = await generateScaleData(db.superPrimaryUrl, { scale, log: (l) => log(`  ${l}`) });
    log(
      `  ${Object.entries(report.counts)
        .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
        .join(", ")} in ${(report.ms / 1000).toFixed(1)} s`,
    );
    generation.push(report);
    await waitForReplay(db, 300_000);
  };
  await generate(smallScale);

  const app = await startBenchApp(db, { nodes: 2, log });
  const clusterUrl = app.url;
  const singleUrl = app.nodeUrls[0];
  const session = new HttpSession(clusterUrl);
  await session.signIn(BIG_STUDIO.email, BIG_STUDIO.password);
  const cookie = session.cookieHeader();
  const signedIn = { cookie };
  const check = await session.getText("/dashboard");
  if (check.status !== 200) throw new Error(`the big studio's dashboard answered ${check.status} after signing in`);

  const ping = await fetch(`${clusterUrl}/api/ping`);
  await ping.arrayBuffer();
  const ceiling = ping.ok
    ? { path: "/api/ping", description: "GET /api/ping: a route handler with no query (the ceiling)" }
    : {
        path: "/",
        description:
          "the landing page signed out: a server-rendered page with no query (the ceiling; the app has no /api/ping)",
      };
  const signInHtml = await (await fetch(`${clusterUrl}/sign-in`)).text();
  const chunk = /\/_next\/static\/chunks\/[\w.-]+\.js/.exec(signInHtml)?.[0];
  if (!chunk) throw new Error("no /_next/static chunk found in /sign-in");

  const measurements: Measurement[] = [];
  const baseFor = (t: Target) => (t === "cluster" || t === "nginx" ? clusterUrl : singleUrl);
  /** A short warm-up (first renders load code), then `durationSec` of load at `connections`. */
  const load = async (
    label: string,
    target: Target,
    spec: Omit<LoadSpec, "url" | "connections">,
    connections: number,
    pathname: string,
    afterWarmUp?: () => Promise<void>,
  ) => {
    const url = `${baseFor(target)}${pathname}`;
    await runLoad({ ...spec, url, connections: Math.min(connections, 4), amount: Math.max(8, connections) });
    await afterWarmUp?.();
    const stats = await runLoad({ ...spec, url, connections, durationSec });
    log(`  ${label.padEnd(14)} ${target.padEnd(7)} c=${String(connections).padEnd(3)} ${fmt(stats)}`);
    return stats;
  };
  const measure = async (...args: Parameters<typeof load>) => {
    const [scenario, target] = args;
    const stats = await load(...args);
    const m = { scenario, target, stats };
    measurements.push(m);
    const ratio = ratioTo(measurements, m);
    if (ratio) log(`  ${"".padEnd(14)} ${"".padEnd(7)}       ${ratio.percent}% of the ${ratio.base}'s req/s`);
    return stats;
  };

  /**
   * The growth target compares the dashboard at one connection across volumes, in cells minutes
   * apart on a machine whose speed drifts: at one connection, three pairs of cells, the empty
   * page's beside the dashboard's, and their medians. The empty page's change between the volumes
   * is the machine's drift (its data does not grow).
   */
  const dashboardGrowth = async (scale: number) => {
    const { leads } = await bigStudio(db.primaryUrl);
    const dashboard: LoadStats[] = [];
    const empty: LoadStats[] = [];
    for (let pair = 0; pair < GROWTH_PAIRS; pair++) {
      empty.push(await load(`empty ${scale * 100}%`, "single", { headers: signedIn }, 1, "/empty"));
      dashboard.push(await load(`dashboard ${scale * 100}%`, "single", { headers: signedIn }, 1, "/dashboard"));
    }
    const p50 = median(dashboard.map((s) => s.p50));
    const out: BenchResults["growth"] = [
      {
        scale,
        leads,
        connections: 1,
        // The cell whose p50 is the median, so the row's other columns come from one real cell.
        stats: dashboard.reduce((a, b) => (Math.abs(b.p50 - p50) < Math.abs(a.p50 - p50) ? b : a)),
        p50,
        emptyP50: median(empty.map((s) => s.p50)),
      },
    ];
    const stats = await load(`dashboard ${scale * 100}%`, "single", { headers: signedIn }, 8, "/dashboard");
    out.push({ scale, leads, connections: 8, stats, p50: stats.p50 });
    return out;
  };

  log(`dashboard at ${smallScale * 100}% volume`);
  const growth = await dashboardGrowth(smallScale);
  await generate(fullScale);
  log(`dashboard at ${fullScale * 100}% volume`);
  growth.push(...(await dashboardGrowth(fullScale)));

  const big = await bigStudio(db.primaryUrl);
  const halfSurname = LAST_NAMES[0].slice(0, Math.ceil(LAST_NAMES[0].length / 2));
  const scenarios = [
    { name: "ceiling", ...ceiling, headers: {} as Record<string, string> },
    {
      name: "empty page",
      path: "/empty",
      description:
        "the signed-in empty page: the shell every studio page pays (proxy, session, the studio and its brands, layout, nav) and no data",
      headers: signedIn,
    },
    {
      name: "settings",
      path: "/settings",
      description: "the account settings page: the shell, the settings tabs, the user's sessions and email choices",
      headers: signedIn,
    },
    {
      name: "dashboard",
      path: "/dashboard",
      description: "the big studio's dashboard, signed in as its owner",
      headers: signedIn,
    },
    { name: "lead list", path: "/leads", description: "the first page of the big studio's leads", headers: signedIn },
    { name: "lead detail", path: `/leads/${big.lead}`, description: "one lead's page", headers: signedIn },
    {
      name: "search",
      path: `/search?q=${encodeURIComponent(halfSurname)}`,
      description: `the header search for half a surname ("${halfSurname}") across the big studio's clients, leads, jobs and events`,
      headers: signedIn,
    },
    {
      name: "header search",
      path: `/api/search?q=${encodeURIComponent(halfSurname)}`,
      description: `what the header's search box fetches as a person types ("${halfSurname}"): the same search as JSON, without the page around it`,
      headers: signedIn,
    },
  ];

  log("read-only load: cluster (nginx + 2 nodes) vs one node");
  const countersBefore = await snapshotCounters(db.adminUrls);
  const readStarted = Date.now();
  for (const s of scenarios) {
    for (const c of levels) {
      for (const target of ["cluster", "single"] as const)
        await measure(s.name, target, { headers: s.headers }, c, s.path);
    }
  }
  log(`static asset ${chunk}: nginx vs a node`);
  for (const c of levels) {
    for (const target of ["nginx", "node"] as const) await measure("static asset", target, {}, c, chunk);
  }
  const readSeconds = Math.round((Date.now() - readStarted) / 1000);
  // Backends report their counters when idle, at most 10 s late.
  await new Promise((r) => setTimeout(r, 11_000));
  const reads = {
    ...readShare(countersBefore, await snapshotCounters(db.adminUrls)),
    window: `${readSeconds} s of the read scenarios above, health probes included`,
  };
  log(
    `reads: ${(reads.replicaShare * 100).toFixed(1)}% of transactions on the replica (${reads.replicaTransactions} vs ${reads.primaryTransactions} on the primary)`,
  );

  const single = new HttpSession(singleUrl);
  await single.signIn(BIG_STUDIO.email, BIG_STUDIO.password);
  await single.getText("/dashboard");
  const dashboardQueries = {
    scale: fullScale,
    ...(await captureQueries(
      [
        { name: "primary", adminUrl: db.adminUrls.primary, logFile: db.logFiles.primary },
        ...db.adminUrls.replicas.map((adminUrl, i) => ({
          name: `replica-${i + 1}`,
          adminUrl,
          logFile: db.logFiles.replicas[i],
        })),
      ],
      async () => {
        const r = await single.getText("/dashboard");
        if (r.status !== 200) throw new Error(`dashboard answered ${r.status} while its queries were logged`);
      },
    )),
  };
  log(`one dashboard render: ${dashboardQueries.queries} queries, ${dashboardQueries.totalMs} ms in PostgreSQL`);

  let against: BuildComparison | undefined;
  if (values.against) {
    log(`this build beside a previous one: a fresh node of each at c=${levels[0]}, cells interleaved`);
    against = await compareWithPreviousBuild({
      folder: values.against,
      env: app.nodeEnv,
      pages: scenarios.map(({ name, path: p, headers }) => ({ name, path: p, headers })),
      connections: levels[0],
      rounds: quick ? 1 : 3,
      durationSec,
      log,
    });
  }

  log("writes: create lead (server action, signed in)");
  const createLead = findServerAction(readServerActions(), "createLeadAction");
  const body = encodeActionBody({
    name: "Bench Writer",
    email: WRITER_EMAIL,
    phone: "(555) 010-2026",
    eventType: "wedding",
    eventDate: "2027-06-12",
    message: "Written by npm run bench",
  });
  const writes: BenchResults["writes"] = [];
  const primaryPid = await postmasterPid(db.adminUrls.primary);
  const writeScenario = {
    name: "create lead",
    path: "/leads/new",
    description:
      "createLeadAction (the New lead form's server action), signed in; its answer carries the new lead's page",
  };
  for (const c of levels) {
    for (const target of ["cluster", "single"] as const) {
      let before = 0;
      let cpuBefore = 0;
      const spec = {
        method: "POST" as const,
        headers: { ...signedIn, ...actionHeaders(createLead, body, baseFor(target)) },
        body: body.body,
      };
      const stats = await measure(writeScenario.name, target, spec, c, writeScenario.path, async () => {
        before = await countWrites(db.primaryUrl, big.id);
        cpuBefore = treeCpuSeconds(primaryPid);
      });
      // Requests still in flight when the clock stopped finish on the server: let them land.
      await new Promise((r) => setTimeout(r, 2_000));
      const leadsCreated = (await countWrites(db.primaryUrl, big.id)) - before;
      const primaryCpuSeconds = Math.round((treeCpuSeconds(primaryPid) - cpuBefore) * 100) / 100;
      writes.push({ target, connections: c, ok: stats.ok, leadsCreated, primaryCpuSeconds });
    }
  }

  log("export: the big studio's leads as CSV, one node's memory");
  const exportMemory = await exportScenario(app, log);

  log("reports: each report's database time, then the page under load");
  const reports = await reportsScenario(app, db, log);

  log(`memory: a fresh node's memory over ${SOAK_CHECKPOINTS.at(-1)} dashboards`);
  const memory = await memoryScenario(db, log);

  const results: BenchResults = {
    command: `npm run bench${quick || values.against ? " --" : ""}${quick ? " --quick" : ""}${values.against ? ` --against ${values.against}` : ""}`,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "?",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtStart,
      node: process.version,
      postgres: String((await sql(db.adminUrls.primary, "SHOW server_version"))[0][0].server_version),
      nginx: version(nginxBinary(), ["-v"]).replace(/^nginx version: /, ""),
    },
    build: currentBuildId(),
    options: { levels, durationSec, smallScale, fullScale },
    generation,
    growthPairs: GROWTH_PAIRS,
    growth,
    scenarios: [
      ...scenarios.map(({ name, description, path: p }) => ({ name, description, path: p })),
      { name: "static asset", description: "a /_next/static JavaScript chunk", path: chunk },
      { name: writeScenario.name, description: writeScenario.description, path: writeScenario.path },
    ],
    measurements,
    reads,
    dashboardQueries,
    writes,
    exportMemory,
    reports,
    memory,
    against,
    notes: [
      "autocannon runs in the bench's own Node process on the same 2 cores as nginx, the nodes and PostgreSQL, so every number includes that contention.",
      `Ceiling: ${ceiling.description}.`,
      "Create lead goes through the signed-in server action: the public POST /api/inquiries/<slug> allows 5 inquiries an hour per address, and behind nginx the address is the one nginx saw, so it cannot be driven through the cluster.",
      "Read share counts committed transactions per server in pg_stat_database; the app sends each read outside a write as its own transaction.",
      "Queries per render: log_min_duration_statement = 0 (ALTER SYSTEM, reset after) on every server around one request, counting statements from the app's pools (application_name shootq-primary / shootq-replica-N); time is PostgreSQL's parse + bind + execute.",
    ],
  };
  mkdirSync(path.dirname(outPrefix), { recursive: true });
  writeFileSync(`${outPrefix}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${outPrefix}.md`, renderMarkdown(results));
  log(`wrote ${path.relative(ROOT, `${outPrefix}.json`)} and .md`);
}

function fmt(s: LoadStats): string {
  const failed = s.failed ? `  FAILED ${s.failed} ${JSON.stringify(s.statuses)}` : "";
  const cutOff = s.inFlight ? `  (${s.inFlight} in flight at the end)` : "";
  return `${s.rps.toFixed(1).padStart(8)} req/s  p50 ${s.p50.toFixed(1).padStart(7)}  p95 ${s.p95.toFixed(1).padStart(7)}  p99 ${s.p99.toFixed(1).padStart(7)} ms${cutOff}${failed}`;
}

const ONLY_RUNS: Record<string, (log: Log) => Promise<void>> = {
  export: exportOnly,
  reports: reportsOnly,
  memory: memoryOnly,
};
await runHarness({ name: "bench", elapsed: true, limitMinutes: 75 }, values.only ? ONLY_RUNS[values.only] : main);
