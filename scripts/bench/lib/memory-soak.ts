import { runLoad, type LoadStats } from "./load.ts";
import { MiB, processTree, rssBytes } from "./process-memory.ts";

/** One node's memory after it has answered `requests` requests of the soak. */
export type MemorySample = {
  requests: number;
  /** Resident memory of the node's processes, MiB. */
  rssMiB: number;
  /** V8's heap in use and reserved, and memory held outside it (Buffers), MiB: from the node's /api/metrics. */
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
};

export type MemorySoak = {
  path: string;
  connections: number;
  samples: MemorySample[];
  /** Resident memory at the last sample over the first. */
  growth: number;
  /** Answers other than 200 over the whole soak. */
  failed: number;
  /** The last stretch's load (its rate and latencies). */
  last: LoadStats;
};

const HEAP_METRICS = {
  heapUsedMiB: "nodejs_heap_size_used_bytes",
  heapTotalMiB: "nodejs_heap_size_total_bytes",
  externalMiB: "nodejs_external_memory_bytes",
} as const;

/** The heap figures of a Prometheus scrape (prom-client's default metrics), MiB. */
export function heapFromMetrics(text: string): Pick<MemorySample, keyof typeof HEAP_METRICS> {
  const value = (name: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`the node's metrics have no ${name}`);
    return Math.round((Number(line.slice(name.length + 1).split(" ")[0]) / MiB) * 10) / 10;
  };
  return {
    heapUsedMiB: value(HEAP_METRICS.heapUsedMiB),
    heapTotalMiB: value(HEAP_METRICS.heapTotalMiB),
    externalMiB: value(HEAP_METRICS.externalMiB),
  };
}

/**
 * Sends `path` to one node (signed in through `headers`) until it has answered each of
 * `checkpoints` requests in all, and samples that node's memory at each: whether a node that
 * serves the same page for long keeps growing (a leak that would need restarts) or levels off.
 * Each sample is taken after a 2 s pause, so garbage of the last requests is not counted as held.
 */
export async function soakMemory(opts: {
  nodeUrl: string;
  pid: number;
  headers: Record<string, string>;
  path: string;
  connections: number;
  checkpoints: number[];
  operatorToken: string;
  log: (line: string) => void;
}): Promise<MemorySoak> {
  const pids = processTree(opts.pid);
  const samples: MemorySample[] = [];
  let sent = 0;
  let failed = 0;
  let last: LoadStats | undefined;
  for (const checkpoint of opts.checkpoints) {
    last = await runLoad({
      url: `${opts.nodeUrl}${opts.path}`,
      headers: opts.headers,
      connections: opts.connections,
      amount: checkpoint - sent,
    });
    sent = checkpoint;
    failed += last.failed;
    await new Promise((r) => setTimeout(r, 2_000));
    const metrics = await fetch(`${opts.nodeUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${opts.operatorToken}` },
    });
    if (!metrics.ok) throw new Error(`the node's /api/metrics answered ${metrics.status}`);
    const sample = {
      requests: checkpoint,
      rssMiB: Math.round(rssBytes(pids) / MiB),
      ...heapFromMetrics(await metrics.text()),
    };
    opts.log(
      `  after ${checkpoint.toLocaleString("en-US")} requests: ${sample.rssMiB} MiB resident, heap ${sample.heapUsedMiB} of ${sample.heapTotalMiB} MiB, external ${sample.externalMiB} MiB (${last.rps} req/s)`,
    );
    samples.push(sample);
  }
  if (!last) throw new Error("the memory soak needs at least one checkpoint");
  return {
    path: opts.path,
    connections: opts.connections,
    samples,
    growth: Math.round((samples[samples.length - 1].rssMiB / samples[0].rssMiB) * 100) / 100,
    failed,
    last,
  };
}
