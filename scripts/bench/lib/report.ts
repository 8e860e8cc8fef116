import type { BuildComparison } from "./against.ts";
import type { LoadStats } from "./load.ts";
import type { ExportMemory } from "./export-memory.ts";
import type { ReportsBench } from "./reports.ts";
import type { MemorySoak } from "./memory-soak.ts";
import type { ReadShare, RenderQueries } from "./pg-stats.ts";
import type { ScaleReport } from "../generate.ts";

export type Target = "cluster" | "single" | "nginx" | "node";

export type Measurement = { scenario: string; target: Target; stats: LoadStats };

export type BenchResults = {
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    loadAverageAtStart: number[];
    node: string;
    postgres: string;
    nginx: string;
  };
  build: string;
  options: { levels: number[]; durationSec: number; smallScale: number; fullScale: number };
  generation: ScaleReport[];
  /** Pairs of one-connection cells at each volume of the growth scenario. */
  growthPairs: number;
  /** The big studio's dashboard, one node without nginx, at each scale. */
  growth: {
    scale: number;
    leads: number;
    connections: number;
    /** One cell's numbers (at one connection: the cell whose p50 is the median). */
    stats: LoadStats;
    /** The median p50 of the cells at this volume and connection count. */
    p50: number;
    /** At one connection: the median p50 of the empty page's cells run between the dashboard's. */
    emptyP50?: number;
  }[];
  scenarios: { name: string; description: string; path: string }[];
  measurements: Measurement[];
  reads: ReadShare & { window: string };
  dashboardQueries: RenderQueries & { scale: number };
  /** primaryCpuSeconds: CPU the primary's PostgreSQL processes used over the cell and its 2 s settle. */
  writes: { target: Target; connections: number; ok: number; leadsCreated: number; primaryCpuSeconds?: number }[];
  exportMemory?: ExportMemory;
  reports?: ReportsBench;
  memory?: MemorySoak;
  /** `--against <folder>`: this build's node beside a previous build's, cells interleaved. */
  against?: BuildComparison;
  notes: string[];
};

/**
 * What each page is compared to (issue targets are these ratios): the signed-in empty page to the
 * ceiling, each studio page to the empty page, on the same target at the same connections.
 */
const RATIO_BASE: Record<string, string> = {
  "empty page": "ceiling",
  settings: "empty page",
  dashboard: "empty page",
  "lead list": "empty page",
  "lead detail": "empty page",
  search: "empty page",
  "header search": "empty page",
};

/** `m`'s req/s as a percentage of its base's in the same run (undefined with no base). */
export function ratioTo(measurements: Measurement[], m: Measurement): { base: string; percent: number } | undefined {
  const base = RATIO_BASE[m.scenario];
  const b = measurements.find(
    (x) => x.scenario === base && x.target === m.target && x.stats.connections === m.stats.connections,
  );
  if (!base || !b || b.stats.rps === 0) return undefined;
  return { base, percent: Math.round((m.stats.rps / b.stats.rps) * 100) };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const rps = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const cell = (s: LoadStats | undefined) =>
  s ? [rps(s.rps), ms(s.p50), ms(s.p95), ms(s.p99), s.failed ? String(s.failed) : "0"] : ["–", "–", "–", "–", "–"];
const PAGE_COLUMNS = (target: string) => [`${target} req/s`, "p50", "p95", "p99", "fail", "cut", "ratio"];
/** A cell with the requests cut off at its end and its ratio to its base, for the page table. */
const pageCell = (all: Measurement[], m: Measurement | undefined) => {
  if (!m) return [...cell(undefined), "–", "–"];
  const ratio = ratioTo(all, m);
  return [...cell(m.stats), String(m.stats.inFlight ?? 0), ratio ? `${ratio.percent}%` : "–"];
};

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((h, i) => (i < 2 ? "---" : "--:")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The results as Markdown: the side-by-side table first (for the README), then the rest. */
export function renderMarkdown(r: BenchResults): string {
  const measurement = (scenario: string, target: Target, c: number) =>
    r.measurements.find((m) => m.scenario === scenario && m.target === target && m.stats.connections === c);
  const find = (scenario: string, target: Target, c: number) => measurement(scenario, target, c)?.stats;
  const pageRows: string[][] = [];
  for (const s of r.scenarios.filter((x) => x.name !== "static asset")) {
    for (const c of r.options.levels)
      pageRows.push([
        s.name,
        String(c),
        ...pageCell(r.measurements, measurement(s.name, "cluster", c)),
        ...pageCell(r.measurements, measurement(s.name, "single", c)),
      ]);
  }
  const staticRows = r.options.levels.map((c) => [
    "static asset",
    String(c),
    ...cell(find("static asset", "nginx", c)),
    ...cell(find("static asset", "node", c)),
  ]);
  const full = r.generation.at(-1);
  const lines = [
    `### Benchmark: ${r.startedAt.slice(0, 10)}, ${r.machine.cpus} cores (${r.machine.cpuModel}), \`${r.command}\``,
    "",
    `Database at ${r.options.fullScale * 100}% volume: ${
      full
        ? Object.entries(full.counts)
            .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
            .join(", ")
        : "?"
    }. ` +
      `Big studio: ${full?.big.leads.toLocaleString("en-US")} leads, ${full?.big.jobs.toLocaleString("en-US")} jobs. ` +
      `Each cell: ${r.options.durationSec} s of autocannon at c connections after a warm-up; req/s counts expected answers only; latency in ms; ` +
      "cut = requests still unanswered when the cell's clock stopped (in no latency); ratio = req/s as a share of the signed-in empty page's " +
      "(the empty page's: of the ceiling's) on the same target at the same c.",
    "",
    table(["Scenario", "c", ...PAGE_COLUMNS("Cluster"), ...PAGE_COLUMNS("Single")], pageRows),
    "",
    "Cluster = nginx + 2 `next start` nodes; Single = one node, no nginx. Static asset: nginx (from disk) vs a node:",
    "",
    table(
      ["Scenario", "c", "nginx req/s", "p50", "p95", "p99", "fail", "node req/s", "p50", "p95", "p99", "fail"],
      staticRows,
    ),
    "",
    "How the dashboard's cost grows (big studio, one node, no nginx; at one connection, pairs of cells, the empty page's beside the dashboard's, medians):",
    "",
    table(
      ["Volume", "big-studio leads", "c", "cells", "req/s", "p50", "p95", "p99", "empty page p50"],
      r.growth.map((g) => [
        `${g.scale * 100}%`,
        g.leads.toLocaleString("en-US"),
        String(g.connections),
        g.emptyP50 === undefined ? "1" : String(r.growthPairs),
        rps(g.stats.rps),
        ms(g.p50),
        ms(g.stats.p95),
        ms(g.stats.p99),
        g.emptyP50 === undefined ? "–" : ms(g.emptyP50),
      ]),
    ),
    "",
    ...growthSummary(r.growth),
    `Where reads went during the read-only load (${r.reads.window}), from pg_stat_database: ` +
      `${r.reads.replicaTransactions.toLocaleString("en-US")} transactions on the replica, ${r.reads.primaryTransactions.toLocaleString("en-US")} on the primary ` +
      `(**${(r.reads.replicaShare * 100).toFixed(1)}% on the replica**); rows read: replica ${r.reads.replicaRowsRead.toLocaleString("en-US")}, primary ${r.reads.primaryRowsRead.toLocaleString("en-US")}.`,
    "",
    `One dashboard render (big studio, ${r.dashboardQueries.scale * 100}% volume): **${r.dashboardQueries.queries} queries, ${r.dashboardQueries.totalMs} ms** of database time ` +
      `(${Object.entries(r.dashboardQueries.byServer)
        .map(([server, v]) => `${server}: ${v.queries} queries, ${v.ms} ms`)
        .join("; ")}), from PostgreSQL's statement log.`,
    "",
    ...(r.writes.length
      ? [
          `Create lead, answers vs leads saved (requests in flight when a cell's clock stops still save): ${r.writes.map((w) => `${w.target} c=${w.connections}: ${w.ok} / ${w.leadsCreated}`).join("; ")}.`,
          "",
          ...primaryCpuPerWrite(r.writes),
        ]
      : []),
    ...(r.exportMemory
      ? [
          `Export of the big studio's leads (\`${r.exportMemory.path}\`, one node): ${r.exportMemory.rows.toLocaleString("en-US")} rows, ` +
            `${(r.exportMemory.bytes / 2 ** 20).toFixed(1)} MiB in ${r.exportMemory.seconds} s; the node's memory grew **${r.exportMemory.growthMiB} MiB** ` +
            `(${r.exportMemory.rssBeforeMiB} → ${r.exportMemory.rssPeakMiB} MiB resident).`,
          "",
        ]
      : []),
    ...(r.reports
      ? [
          `Reports of the big studio over ${r.reports.range.from}..${r.reports.range.to}, database time on the replica (median of ${r.reports.runs} runs, EXPLAIN ANALYZE):`,
          "",
          table(
            ["report", "brands", "ms", "worst ms", "statements"],
            r.reports.queries.map((q) => [q.report, q.brand, ms(q.medianMs), ms(q.maxMs), String(q.statements)]),
          ),
          "",
          table(
            ["/reports", "target", "c", "req/s", "p50", "p95", "p99", "failed"],
            r.reports.page.map((p) => ["reports page", p.target, String(p.connections), ...cell(p.stats)]),
          ),
          "",
        ]
      : []),
    ...(r.against ? againstLines(r.against) : []),
    ...(r.memory ? memoryLines(r.memory) : []),
    ...r.notes.map((n) => `- ${n}`),
    "",
  ];
  return lines.join("\n");
}

const change = (now: number, before: number) =>
  before ? `${now >= before ? "+" : "−"}${Math.abs(Math.round((now / before - 1) * 100))}%` : "–";

/** This build beside the previous one: each page's medians and how much they changed. */
function againstLines(a: BuildComparison): string[] {
  return [
    `This build beside ${a.previous.commit} (\`--against ${a.previous.folder}\`): one node of each on the same database, ` +
      `c=${a.connections}, ${a.rounds} pairs of ${a.durationSec} s cells per page in alternating order; medians. ` +
      "CPU = the node's process tree's CPU time per answered request (user + system, from /proc).",
    "",
    table(
      ["Page", "path", "req/s", "previous", "change", "CPU ms/req", "previous", "change", "p99", "previous"],
      a.pages.map((p) =>
        p.thisBuild && p.previous
          ? [
              p.scenario,
              `\`${p.path}\``,
              rps(p.thisBuild.rps),
              rps(p.previous.rps),
              change(p.thisBuild.rps, p.previous.rps),
              p.thisBuild.cpuMsPerRequest.toFixed(2),
              p.previous.cpuMsPerRequest.toFixed(2),
              change(p.thisBuild.cpuMsPerRequest, p.previous.cpuMsPerRequest),
              ms(p.thisBuild.p99),
              ms(p.previous.p99),
            ]
          : [p.scenario, `\`${p.path}\``, `not compared: ${p.skipped ?? "?"}`, "", "", "", "", "", "", ""],
      ),
    ),
    "",
  ];
}

/**
 * Issue #20's growth target: the dashboard's p50 at one connection at full volume over small
 * volume, beside the empty page's over the same two stretches (the machine's drift).
 */
function growthSummary(growth: BenchResults["growth"]): string[] {
  const [small, full] = growth.filter((g) => g.connections === 1).sort((a, b) => a.scale - b.scale);
  if (!small?.emptyP50 || !full?.emptyP50 || small === full) return [];
  const times = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  return [
    `Dashboard p50 at one connection, ${full.scale * 100}% volume against ${small.scale * 100}%: ` +
      `**${times(full.p50, small.p50)}** (${ms(full.p50)} against ${ms(small.p50)} ms); ` +
      `the empty page's in the same stretches: ${times(full.emptyP50, small.emptyP50)} ` +
      `(${ms(full.emptyP50)} against ${ms(small.emptyP50)} ms), the machine's drift between them; ` +
      `the dashboard's over the empty page's: ${times(full.p50 / full.emptyP50, small.p50 / small.emptyP50)}.`,
    "",
  ];
}

/** The soak's samples: a fresh node's memory as it answers more and more dashboards. */
function memoryLines(m: MemorySoak): string[] {
  const first = m.samples[0];
  const last = m.samples[m.samples.length - 1];
  return [
    `Memory of one fresh node answering the big studio's dashboard (\`${m.path}\`, c=${m.connections}, sampled 2 s after each stretch): ` +
      `resident memory after ${last.requests.toLocaleString("en-US")} requests is **${m.growth}×** that after ${first.requests.toLocaleString("en-US")} ` +
      `(${first.rssMiB} → ${last.rssMiB} MiB); the last stretch ran at ${rps(m.last.rps)} req/s.`,
    "",
    table(
      ["requests", "resident MiB", "V8 heap used MiB", "V8 heap reserved MiB", "external MiB"],
      m.samples.map((s) => [
        s.requests.toLocaleString("en-US"),
        String(s.rssMiB),
        String(s.heapUsedMiB),
        String(s.heapTotalMiB),
        String(s.externalMiB),
      ]),
    ),
    "",
  ];
}

/** What one saved lead costs the primary in CPU, over every write cell: the write ceiling per core. */
function primaryCpuPerWrite(writes: BenchResults["writes"]): string[] {
  const measured = writes.filter((w) => w.primaryCpuSeconds !== undefined && w.leadsCreated > 0);
  if (!measured.length) return [];
  const cpu = measured.reduce((n, w) => n + (w.primaryCpuSeconds ?? 0), 0);
  const leads = measured.reduce((n, w) => n + w.leadsCreated, 0);
  const msPerWrite = (cpu * 1000) / leads;
  return [
    `The primary's PostgreSQL processes used **${msPerWrite.toFixed(1)} ms of CPU per lead saved** ` +
      `(${cpu.toFixed(2)} CPU-seconds for ${leads} leads over the write cells, from /proc): about ` +
      `**${Math.floor(1000 / msPerWrite)} create-lead transactions per second per core** of the primary, were nothing else running on it.`,
    "",
  ];
}
