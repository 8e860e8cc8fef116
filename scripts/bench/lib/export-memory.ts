import { readdirSync, readFileSync } from "node:fs";

export type ExportMemory = {
  path: string;
  rows: number;
  bytes: number;
  seconds: number;
  /** Resident memory of the node's processes just before the download, MiB. */
  rssBeforeMiB: number;
  /** The highest resident memory sampled while the file streamed, MiB. */
  rssPeakMiB: number;
  growthMiB: number;
};

const MiB = 2 ** 20;

/** `pid` and every process under it (next start may serve from a child). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

function rssBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // Gone: it holds no memory any more.
    }
  }
  return total;
}

/**
 * Downloads `path` from one app node (signed in through `cookie`) while sampling the resident
 * memory of that node's processes every 20 ms: how much the export makes the node grow.
 */
export async function measureExportMemory(opts: {
  nodeUrl: string;
  pid: number;
  cookie: string;
  path: string;
}): Promise<ExportMemory> {
  const pids = processTree(opts.pid);
  const rssBefore = rssBytes(pids);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssBytes(pids));
  }, 20);
  const started = performance.now();
  try {
    const res = await fetch(`${opts.nodeUrl}${opts.path}`, { headers: { cookie: opts.cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`${opts.path} answered ${res.status}`);
    let bytes = 0;
    let newlines = 0;
    // Counted as it arrives, never held: the bench's own memory is not the node's.
    const reader = res.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      bytes += read.value.byteLength;
      for (const byte of read.value) if (byte === 10) newlines++;
    }
    peak = Math.max(peak, rssBytes(pids));
    return {
      path: opts.path,
      rows: newlines - 1,
      bytes,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rssBeforeMiB: Math.round(rssBefore / MiB),
      rssPeakMiB: Math.round(peak / MiB),
      growthMiB: Math.round(((peak - rssBefore) / MiB) * 10) / 10,
    };
  } finally {
    clearInterval(sampler);
  }
}
