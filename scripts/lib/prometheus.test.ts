import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveMetrics } from "@/lib/metrics/serve";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { until } from "@/scripts/testing/until";
import { freePort } from "./processes.ts";
import { ALERT_RULES, prometheusBinary, startPrometheus, type LocalPrometheus } from "./prometheus.ts";

// The Prometheus `npm run start:cluster` runs beside the cluster: a real one (Debian's package),
// scraping a real node with the operator token and a background service's loopback port.
// A healthy deployment of its own: a database no other file queues jobs in (the shared one has
// emails nobody delivers, a true backlog), and a replica its neighbours' WAL cannot push out of
// rotation.

let scratch: ScratchDatabase;
let app: TestApp;
let service: http.Server;
let prometheus: LocalPrometheus;
let dir: string;
let workerTarget: string;

beforeAll(async () => {
  const binary = prometheusBinary();
  if (!binary) throw new Error("Prometheus is not installed: run `bash scripts/ensure-system-deps.sh`");
  dir = mkdtempSync(path.join(os.tmpdir(), "shootq-prometheus-"));
  scratch = await createScratchDatabase(inject("database"), { prefix: "prometheus", queue: true });
  app = await startTestApp({
    primaryUrl: scratch.url,
    replicaUrls: scratch.replicaUrls,
    env: { REPLICA_MAX_LAG_BYTES: String(2 ** 40) },
  });
  const port = await freePort();
  service = await serveMetrics(port);
  workerTarget = `127.0.0.1:${port}`;
  prometheus = await startPrometheus({
    binary,
    dir,
    port: await freePort(),
    targets: { app: [`127.0.0.1:${app.port}`], worker: workerTarget },
    operatorToken: process.env.OPERATOR_TOKEN!,
    intervalSeconds: 1,
  });
});
afterAll(async () => {
  await prometheus?.stop();
  await app?.stop();
  await scratch?.drop();
  await new Promise((resolve) => service?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function api<T>(query: string): Promise<T> {
  const res = await fetch(`${prometheus.url}/api/v1/${query}`);
  const body = (await res.json()) as { status: string; data: T };
  expect(body.status).toBe("success");
  return body.data;
}

type Target = { labels: { job: string; instance: string }; health: string; lastError: string };

describe("the local Prometheus", () => {
  it("scrapes each node with the operator token and each service on its port, with the operator's jobs", async () => {
    const targets = await until("every target scraped", async () => {
      const all = (await api<{ activeTargets: Target[] }>("targets")).activeTargets;
      return all.length === 2 && all.every((t) => t.health === "up") && all;
    });
    expect(targets.map((t) => `${t.labels.job} ${t.labels.instance}`).sort()).toEqual([
      `shootq-app 127.0.0.1:${app.port}`,
      `shootq-worker ${workerTarget}`,
    ]);
    // The same job names as the config an operator copies: the alert rules and dashboard use them.
    const documented = [
      ...readFileSync(path.join(process.cwd(), "docs", "monitoring", "prometheus.yml"), "utf8").matchAll(
        /job_name: (\S+)/g,
      ),
    ].map((m) => m[1]);
    expect(documented).toEqual(expect.arrayContaining(targets.map((t) => t.labels.job)));

    // The node's own metrics arrived (the scrape answered with them, not the 404 a wrong token gets).
    const series = await api<{ result: { value: [number, string] }[] }>(
      `query?query=${encodeURIComponent('count({__name__=~"shootq_.+",job="shootq-app"})')}`,
    );
    expect(Number(series.result[0]?.value[1])).toBeGreaterThan(5);
  });

  it("loads every alert rule of docs/monitoring, and none fires for a healthy deployment", async () => {
    type Rules = { groups: { lastEvaluation: string; rules: { name: string; health: string }[] }[] };
    const written = [...readFileSync(ALERT_RULES, "utf8").matchAll(/- alert: (\S+)/g)].map((m) => m[1]).sort();
    expect(written.length).toBeGreaterThan(0);
    // Evaluated after every target was scraped (the test above waited for that).
    const since = Date.now();
    const rules = await until("the rules evaluated on the scraped metrics", async () => {
      const data = await api<Rules>("rules");
      return data.groups.every((g) => Date.parse(g.lastEvaluation) > since + 1_000) && data;
    });
    expect(rules.groups.flatMap((g) => g.rules.map((r) => r.name)).sort()).toEqual(written);
    expect(rules.groups.flatMap((g) => g.rules.filter((r) => r.health !== "ok").map((r) => r.name))).toEqual([]);
    // Pending or firing, an alert on the deployment's state here would page an operator for
    // nothing. The two that measure load are left out: the node's only requests are its start-up
    // health checks, which a CI machine running four test files on two cores makes slow.
    const LOAD = ["ShootQSlowPages", "ShootQDatabasePoolWaiting"];
    expect(written).toEqual(expect.arrayContaining(LOAD));
    const { alerts } = await api<{ alerts: { labels: Record<string, string>; state: string }[] }>("alerts");
    expect(
      alerts
        .filter((a) => !LOAD.includes(a.labels.alertname))
        .map((a) => `${a.labels.alertname} on ${a.labels.instance} (${a.state})`),
    ).toEqual([]);
  });
});
