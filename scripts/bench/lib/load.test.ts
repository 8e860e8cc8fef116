import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { median, percentile, runLoad } from "./load.ts";

let server: http.Server;
let base: string;
let seen = 0;

beforeAll(async () => {
  // Every fifth request fails with a 500; the rest answer after ~5 ms.
  server = http.createServer((req, res) => {
    if (req.url === "/slow") {
      setTimeout(() => res.end("late"), 1_500);
      return;
    }
    seen++;
    const fail = seen % 5 === 0;
    setTimeout(() => {
      res.writeHead(fail ? 500 : 200, { "content-type": "text/plain" });
      res.end(fail ? "boom" : `ok ${req.headers["x-bench"] ?? ""}`);
    }, 5);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("load measurement", () => {
  it("takes nearest-rank percentiles", () => {
    const list = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(list, 50)).toBe(50);
    expect(percentile(list, 95)).toBe(95);
    expect(percentile(list, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("takes the median of cells in any order, the mean of the middle two for an even count", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it("counts unexpected statuses as failed and keeps latencies of successes only", async () => {
    seen = 0;
    const stats = await runLoad({ url: `${base}/`, connections: 4, amount: 100, headers: { "x-bench": "1" } });
    expect(stats.requests).toBe(100);
    expect(stats.statuses).toEqual({ 200: 80, 500: 20 });
    expect(stats.ok).toBe(80);
    expect(stats.failed).toBe(20);
    expect(stats.p50).toBeGreaterThanOrEqual(4);
    expect(stats.p99).toBeGreaterThanOrEqual(stats.p95);
    expect(stats.p95).toBeGreaterThanOrEqual(stats.p50);
    expect(stats.inFlight).toBe(0);
  });

  it("reports the requests still unanswered when a cell's clock stops", async () => {
    // Every answer takes 1.5 s and the cell lasts 1 s: each connection's first request is cut off.
    const stats = await runLoad({ url: `${base}/slow`, connections: 3, durationSec: 1 });
    expect(stats.requests).toBe(0);
    expect(stats.inFlight).toBe(3);
  });

  it("treats the listed statuses as success", async () => {
    seen = 0;
    const stats = await runLoad({ url: `${base}/`, connections: 2, amount: 10, expect: [200, 500] });
    expect(stats.failed).toBe(0);
    expect(stats.ok).toBe(10);
  });
});
