import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "../../testing/database.ts";

// CPU time a PostgreSQL server spent, read from /proc for its postmaster and every process it
// forked (backends, WAL writer, checkpointer...). A backend that has exited is counted too: the
// postmaster reaps it, and the kernel adds a reaped child's time to its parent's cutime/cstime.

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

type ProcStat = { pid: number; ppid: number; ticks: number };

function readProcStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields are counted after its ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // utime, stime, then cutime and cstime (children that ended and were waited for).
    const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
    return { pid, ppid: Number(fields[1]), ticks };
  } catch {
    return undefined; // the process ended between listing /proc and reading it
  }
}

/** Seconds of CPU (user + system) the process tree under `rootPid` has used so far. */
export function treeCpuSeconds(rootPid: number): number {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProcStat(Number(name)))
    .filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = all.filter((s) => s.pid === rootPid);
  for (let s = stack.pop(); s; s = stack.pop()) {
    ticks += s.ticks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

/** The postmaster's pid of the server behind a superuser URL (first line of its postmaster.pid). */
export async function postmasterPid(adminUrl: string): Promise<number> {
  const [rows] = await sql(adminUrl, "SELECT current_setting('data_directory') AS dir");
  const dir = String(rows[0]?.dir);
  return Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
}
