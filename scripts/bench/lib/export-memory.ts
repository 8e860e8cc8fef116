import { MiB, processTree, rssBytes } from "./process-memory.ts";

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
