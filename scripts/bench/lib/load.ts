import autocannon, { type Request } from "autocannon";

export type LoadSpec = {
  url: string;
  connections: number;
  durationSec?: number;
  /** Stop after this many requests instead of after a duration (warm-ups). */
  amount?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Per-request changes (a fresh address or name for every write). */
  setupRequest?: Request["setupRequest"];
  /** Statuses that count as success; anything else is reported as failed. Default [200]. */
  expect?: number[];
};

export type LoadStats = {
  connections: number;
  durationSec: number;
  requests: number;
  ok: number;
  failed: number;
  /** Successful responses per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /**
   * Requests sent but not answered when the cell's clock stopped: autocannon stops at the end of
   * the duration and drops them, so they are in no latency above (a slow tail hides here).
   */
  inFlight: number;
  statuses: Record<string, number>;
};

/** Nearest-rank percentile of an ascending list (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The middle value (the mean of the two middle ones for an even count; 0 when empty). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `n` rounded to `digits` decimals. */
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Drives `spec` with autocannon and measures every answered request itself: autocannon's own
 * summary has no p95 and keeps latencies of 2xx answers only.
 */
export function runLoad(spec: LoadSpec): Promise<LoadStats> {
  const expect = new Set(spec.expect ?? [200]);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failed = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationSec ?? 3 }),
        timeout: 30,
        method: spec.method ?? "GET",
        headers: spec.headers,
        body: spec.body,
        ...(spec.setupRequest ? { requests: [{ setupRequest: spec.setupRequest }] } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (performance.now() - started) / 1000;
        const transportErrors = result.errors + result.timeouts;
        if (transportErrors) statuses.error = transportErrors;
        latencies.sort((a, b) => a - b);
        const ok = latencies.length;
        const answered = ok + failed + transportErrors;
        resolve({
          connections: spec.connections,
          durationSec: round(seconds, 2),
          requests: answered,
          ok,
          failed: failed + transportErrors,
          rps: round(ok / seconds),
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          max: round(latencies.at(-1) ?? 0),
          inFlight: Math.max(0, result.requests.sent - answered),
          statuses,
        });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (expect.has(status)) latencies.push(ms);
      else failed++;
    });
  });
}
