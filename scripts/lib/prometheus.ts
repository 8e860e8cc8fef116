import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HarnessError } from "./harness.ts";
import { DATA_DIR, ROOT } from "./paths.ts";
import { assertPortsFree, freePort, startService, stopService, waitForHttp } from "./processes.ts";

/** The alert rules an operator loads (docs/monitoring/); the local Prometheus loads the same file. */
export const ALERT_RULES = path.join(ROOT, "docs", "monitoring", "alerts.yml");

/** What to scrape: every app node on its own (never through nginx), and each background service. */
export type ScrapeTargets = { app: string[]; worker?: string; billing?: string };

/** Debian's `prometheus` (apt-get install prometheus), or PROMETHEUS_BIN; null when neither is there. */
export function prometheusBinary(): string | null {
  if (process.env.PROMETHEUS_BIN) return process.env.PROMETHEUS_BIN;
  if (existsSync("/usr/bin/prometheus")) return "/usr/bin/prometheus";
  return spawnSync("sh", ["-c", "command -v prometheus"]).stdout?.toString().trim() || null;
}

/**
 * The scrape config of docs/monitoring/prometheus.yml (same jobs, same token scheme, same rules)
 * with this machine's targets filled in. Written as JSON, which YAML reads as it is.
 */
export function prometheusConfig(opts: { targets: ScrapeTargets; tokenFile: string; intervalSeconds: number }) {
  const interval = `${opts.intervalSeconds}s`;
  const service = (job: string, target: string | undefined) =>
    target ? [{ job_name: job, static_configs: [{ targets: [target] }] }] : [];
  return {
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: [ALERT_RULES],
    scrape_configs: [
      {
        job_name: "shootq-app",
        metrics_path: "/api/metrics",
        authorization: { type: "Bearer", credentials_file: opts.tokenFile },
        static_configs: [{ targets: opts.targets.app }],
      },
      ...service("shootq-worker", opts.targets.worker),
      ...service("shootq-billing", opts.targets.billing),
    ],
  };
}

export type LocalPrometheus = { url: string; stop(): Promise<void> };

/**
 * Starts Prometheus on 127.0.0.1:`port` scraping `targets` with the operator token, its data in
 * `dir` (kept two days). Resolves once it is ready; it is stopped with the harness.
 */
export async function startPrometheus(opts: {
  binary: string;
  dir: string;
  port: number;
  targets: ScrapeTargets;
  operatorToken: string;
  intervalSeconds?: number;
}): Promise<LocalPrometheus> {
  mkdirSync(opts.dir, { recursive: true });
  const tokenFile = path.join(opts.dir, "operator-token");
  writeFileSync(tokenFile, opts.operatorToken, { mode: 0o600 });
  const configFile = path.join(opts.dir, "prometheus.yml");
  const config = prometheusConfig({ targets: opts.targets, tokenFile, intervalSeconds: opts.intervalSeconds ?? 15 });
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const url = `http://127.0.0.1:${opts.port}`;
  const service = startService(
    "prometheus",
    opts.binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(opts.dir, "data")}`,
      "--storage.tsdb.retention.time=2d",
      `--web.listen-address=127.0.0.1:${opts.port}`,
      "--log.level=warn",
    ],
    process.env,
    { quiet: true },
  );
  await waitForHttp(`${url}/-/ready`, { service, timeoutMs: 30_000 });
  return { url, stop: () => stopService(service) };
}

/**
 * `npm run start:cluster`'s Prometheus: gives the background services metrics ports (in `env`,
 * before they start) and returns a starter for once the nodes run. PROMETHEUS_PORT (default 9090)
 * picks its port, `off` leaves it out; without Debian's package it says how to get it.
 */
export async function planLocalPrometheus(env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const setting = process.env.PROMETHEUS_PORT ?? "9090";
  const binary = prometheusBinary();
  if (setting === "off") return null;
  if (!binary) {
    log("no local Prometheus: `apt-get install prometheus` (or set PROMETHEUS_BIN) to get one");
    return null;
  }
  const port = Number(setting);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new HarnessError(`PROMETHEUS_PORT must be a port number from 1 to 65535 or "off", not "${setting}".`);
  await assertPortsFree([{ port, variable: "PROMETHEUS_PORT", what: "Prometheus" }]);
  env.WORKER_METRICS_PORT ??= String(await freePort());
  env.BILLING_METRICS_PORT ??= String(await freePort());
  return (appPorts: number[]) =>
    startPrometheus({
      binary,
      dir: path.join(DATA_DIR, "prometheus"),
      port,
      targets: {
        app: appPorts.map((p) => `127.0.0.1:${p}`),
        worker: `127.0.0.1:${env.WORKER_METRICS_PORT}`,
        billing: `127.0.0.1:${env.BILLING_METRICS_PORT}`,
      },
      operatorToken: env.OPERATOR_TOKEN!,
    });
}
