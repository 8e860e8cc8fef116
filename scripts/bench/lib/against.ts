import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startNextServer } from "../../lib/next-server.ts";
import { freePort, stopService, waitForHttp } from "../../lib/processes.ts";
import { median, round, runLoad } from "./load.ts";
import { treeCpuSeconds } from "./server-cpu.ts";

// `npm run bench -- --against <folder>`: this build's node beside a node of a previous build (a
// checkout of an earlier commit, built, in another folder), both on the bench's database, their
// cells interleaved. On a shared 2-core machine a node's cost per request drifts by a fifth from
// one minute to the next, so only cells taken side by side, in alternating order, compare builds.

/** One node to measure: where it answers and the process whose CPU time it spends. */
export type Side = { url: string; pid: number };

export type SideCell = { rps: number; p50: number; p99: number; cpuMsPerRequest: number };

/** A side's medians over its cells. */
export type SideSummary = SideCell & { cells: SideCell[] };

export type ComparedPage = {
  scenario: string;
  path: string;
  /** Set when the page was not compared: a page one of the builds does not have, or that failed. */
  skipped?: string;
  thisBuild?: SideSummary;
  previous?: SideSummary;
};

export type BuildComparison = {
  previous: { folder: string; commit: string };
  connections: number;
  rounds: number;
  durationSec: number;
  pages: ComparedPage[];
};

export type ComparedScenario = { name: string; path: string; headers: Record<string, string> };

function summarize(cells: SideCell[]): SideSummary {
  return {
    rps: round(median(cells.map((c) => c.rps)), 1),
    p50: round(median(cells.map((c) => c.p50)), 1),
    p99: round(median(cells.map((c) => c.p99)), 1),
    cpuMsPerRequest: round(median(cells.map((c) => c.cpuMsPerRequest)), 2),
    cells,
  };
}

async function status(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { headers, redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

/** One cell of load on `side`, with the CPU its process tree spent per answered request. */
async function cell(side: Side, page: ComparedScenario, connections: number, durationSec: number): Promise<SideCell> {
  const cpuBefore = treeCpuSeconds(side.pid);
  const stats = await runLoad({ url: `${side.url}${page.path}`, headers: page.headers, connections, durationSec });
  if (stats.failed) throw new Error(`${page.path} failed ${stats.failed} times: ${JSON.stringify(stats.statuses)}`);
  const cpuMs = (treeCpuSeconds(side.pid) - cpuBefore) * 1000;
  return { rps: stats.rps, p50: stats.p50, p99: stats.p99, cpuMsPerRequest: stats.ok ? cpuMs / stats.ok : 0 };
}

/**
 * Each page on both sides: checked (both must answer 200), warmed up for a cell, then `rounds` pairs of
 * cells, the order alternating between rounds so neither side always runs first.
 */
export async function compareSides(opts: {
  thisBuild: Side;
  previous: Side;
  pages: ComparedScenario[];
  connections: number;
  rounds: number;
  durationSec: number;
  log: (line: string) => void;
}): Promise<ComparedPage[]> {
  const out: ComparedPage[] = [];
  for (const page of opts.pages) {
    const [mine, theirs] = [
      await status(`${opts.thisBuild.url}${page.path}`, page.headers),
      await status(`${opts.previous.url}${page.path}`, page.headers),
    ];
    if (mine !== 200 || theirs !== 200) {
      const skipped = `answered ${mine} on this build, ${theirs} on the previous one`;
      opts.log(`  ${page.name.padEnd(14)} not compared: ${skipped}`);
      out.push({ scenario: page.name, path: page.path, skipped });
      continue;
    }
    // A whole cell each, not counted: the previous build's node starts cold (its code not yet
    // compiled by V8's optimizing tiers) while this build's has served the whole bench so far.
    for (const side of [opts.thisBuild, opts.previous]) await cell(side, page, opts.connections, opts.durationSec);
    const cells: Record<"thisBuild" | "previous", SideCell[]> = { thisBuild: [], previous: [] };
    for (let r = 0; r < opts.rounds; r++) {
      const order = r % 2 === 0 ? (["thisBuild", "previous"] as const) : (["previous", "thisBuild"] as const);
      for (const name of order) cells[name].push(await cell(opts[name], page, opts.connections, opts.durationSec));
    }
    const row = {
      scenario: page.name,
      path: page.path,
      thisBuild: summarize(cells.thisBuild),
      previous: summarize(cells.previous),
    };
    opts.log(
      `  ${page.name.padEnd(14)} this build ${row.thisBuild.rps} req/s, ${row.thisBuild.cpuMsPerRequest} ms CPU per request; ` +
        `previous ${row.previous.rps} req/s, ${row.previous.cpuMsPerRequest} ms`,
    );
    out.push(row);
  }
  return out;
}

/** The folder's commit, for the report; "?" when it is not a git checkout. */
function commitOf(folder: string): string {
  try {
    return execFileSync("git", ["-C", folder, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

/** Why `folder` cannot serve as the previous build, or null when it can. */
export function previousBuildProblem(folder: string): string | null {
  if (!existsSync(path.join(folder, ".next", "BUILD_ID")))
    return `${folder} has no production build: check out the earlier commit there, then npm install (or hard-link this node_modules) and npm run build`;
  if (!existsSync(path.join(folder, "node_modules"))) return `${folder} has no node_modules`;
  return null;
}

/**
 * Starts two fresh `next start` nodes with `env` (the bench nodes' own), one of this build and one
 * of the build in `folder`, compares them page by page, and stops them. Both start together: a
 * node that has served for minutes is faster than a new one (V8 has optimized its code), so the
 * bench's own long-running node would flatter this build.
 */
export async function compareWithPreviousBuild(opts: {
  folder: string;
  env: NodeJS.ProcessEnv;
  pages: ComparedScenario[];
  connections: number;
  rounds: number;
  durationSec: number;
  log: (line: string) => void;
}): Promise<BuildComparison> {
  const folder = path.resolve(opts.folder);
  const start = async (name: string, cwd?: string) => {
    const port = await freePort();
    const service = startNextServer({ name, port, host: "127.0.0.1", env: opts.env, cwd, quiet: true });
    return { service, url: `http://127.0.0.1:${port}` };
  };
  const nodes = [await start("this-build"), await start("previous-build", folder)];
  try {
    const [mine, theirs] = await Promise.all(
      nodes.map(async ({ service, url }): Promise<Side> => {
        await waitForHttp(`${url}/api/ping`, { service, timeoutMs: 120_000 });
        if (!service.child.pid) throw new Error(`the ${service.name} node has no process id`);
        return { url, pid: service.child.pid };
      }),
    );
    const commit = commitOf(folder);
    opts.log(`previous build ${commit} (${folder}) on ${theirs.url}, this build on ${mine.url}`);
    const pages = await compareSides({ ...opts, thisBuild: mine, previous: theirs });
    return {
      previous: { folder, commit },
      connections: opts.connections,
      rounds: opts.rounds,
      durationSec: opts.durationSec,
      pages,
    };
  } finally {
    await Promise.all(nodes.map(({ service }) => stopService(service)));
  }
}
