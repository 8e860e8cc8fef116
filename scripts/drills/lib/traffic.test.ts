import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOk, startTraffic } from "./traffic.ts";

let server: http.Server;
let base: string;
let closeNext = false;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    // Once, drop the connection without a byte, as a server does to an idle kept-alive socket.
    if (closeNext && req.method === "GET") {
      closeNext = false;
      req.socket.destroy();
      return;
    }
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.writeHead(req.url === "/broken" ? 500 : 200, { "x-shootq-reads": "replica-1", "x-shootq-node": "node-1" });
      res.end(body || "ok");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("drill traffic", () => {
  it("judges every answer, counts failures, and records where reads went", async () => {
    const seen: number[] = [];
    const traffic = startTraffic({
      baseUrl: base,
      concurrency: 2,
      maxRequests: 30,
      requests: [
        { label: "ok", path: "/", judge: expectOk },
        { label: "broken", path: "/broken", judge: expectOk },
        {
          label: "post",
          method: "POST",
          path: "/echo",
          body: (n) => `n=${n}`,
          judge: (a, n) => (a.text === `n=${n}` ? null : "wrong echo"),
          onAnswer: (_a, n) => seen.push(n),
        },
      ],
    });
    // The loops stop by themselves after maxRequests; wait for that rather than for a time.
    await expect.poll(() => traffic.result.sent, { timeout: 30_000 }).toBe(30);
    const result = await traffic.stop();
    expect(result.sent).toBe(30);
    expect(result.byLabel.broken).toMatchObject({ sent: 10, failed: 10, statuses: { 500: 10 } });
    expect(result.byLabel.ok.failed).toBe(0);
    expect(result.byLabel.post.failed).toBe(0);
    expect(seen).toHaveLength(10);
    expect(result.failed).toBe(10);
    expect(result.failures[0]).toMatch(/broken #\d+: HTTP 500/);
    expect(result.reads).toEqual({ "replica-1": 30 });
  });

  it("sends a GET once more when a kept-alive connection is closed under it", async () => {
    // The first answer leaves its connection open; the server then drops it as the second request arrives on it.
    const traffic = startTraffic({
      baseUrl: base,
      concurrency: 1,
      maxRequests: 3,
      requests: [
        { label: "ok", path: "/", judge: expectOk, onAnswer: (_a, n) => void (n === 0 && (closeNext = true)) },
      ],
    });
    await expect.poll(() => traffic.result.sent, { timeout: 30_000 }).toBe(3);
    const result = await traffic.stop();
    expect(result).toMatchObject({ sent: 3, failed: 0, resent: 1 });
  });
});
