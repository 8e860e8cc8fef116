import http from "node:http";
import type { AddressInfo } from "node:net";
import { Registry, collectDefaultMetrics } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heapFromMetrics, soakMemory } from "./memory-soak.ts";

// A stand-in node: a page, and prom-client's default metrics for the operator's token only.
const registry = new Registry();
collectDefaultMetrics({ register: registry });
let server: http.Server;
let base: string;
let pages = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/api/metrics") {
      if (req.headers.authorization !== "Bearer operator-token") return void res.writeHead(404).end();
      void registry.metrics().then((text) => res.end(text));
      return;
    }
    pages++;
    res.writeHead(req.headers.cookie === "signed-in" ? 200 : 401).end("page");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the bench's memory soak", () => {
  it("sends the page until each checkpoint and samples the node's memory there", async () => {
    const lines: string[] = [];
    const soak = await soakMemory({
      nodeUrl: base,
      pid: process.pid,
      headers: { cookie: "signed-in" },
      path: "/dashboard",
      connections: 4,
      checkpoints: [20, 60],
      operatorToken: "operator-token",
      log: (l) => lines.push(l),
    });
    expect(pages).toBe(60);
    expect(soak.samples.map((s) => s.requests)).toEqual([20, 60]);
    expect(soak.failed).toBe(0);
    for (const s of soak.samples) {
      expect(s.rssMiB).toBeGreaterThan(10);
      expect(s.heapUsedMiB).toBeGreaterThan(1);
      expect(s.heapTotalMiB).toBeGreaterThanOrEqual(s.heapUsedMiB);
    }
    expect(soak.growth).toBe(Math.round((soak.samples[1].rssMiB / soak.samples[0].rssMiB) * 100) / 100);
    expect(lines[1]).toMatch(/^ {2}after 60 requests: \d+ MiB resident, heap/);
  });

  it("counts answers other than 200 as failed", async () => {
    const soak = await soakMemory({
      nodeUrl: base,
      pid: process.pid,
      headers: {},
      path: "/dashboard",
      connections: 2,
      checkpoints: [10],
      operatorToken: "operator-token",
      log: () => {},
    });
    expect(soak.failed).toBe(10);
  });

  it("says which figure a scrape lacks", () => {
    expect(() => heapFromMetrics("process_resident_memory_bytes 1\n")).toThrow(
      "the node's metrics have no nodejs_heap_size_used_bytes",
    );
    expect(
      heapFromMetrics(
        "nodejs_heap_size_used_bytes 10485760\nnodejs_heap_size_total_bytes 20971520\nnodejs_external_memory_bytes 1048576\n",
      ),
    ).toEqual({ heapUsedMiB: 10, heapTotalMiB: 20, externalMiB: 1 });
  });
});
