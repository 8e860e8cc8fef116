import path from "node:path";
import type { Log } from "./harness.ts";
import { isShuttingDown } from "./lifecycle.ts";
import { ROOT } from "./paths.ts";
import { startService, stopService, type Service } from "./processes.ts";

/**
 * The processes that run beside the app nodes, each with the app's environment and no port.
 * `npm start`, `npm run dev`, the cluster, the e2e setups and the drills all start them through
 * startBackgroundServices, so a new one (billing, say) is one line here.
 */
export const BACKGROUND_SERVICES = [
  { name: "worker", script: "scripts/worker.ts", what: "delivers queued email and webhooks" },
  { name: "billing", script: "scripts/billing.ts", what: "sends payment reminders, marks overdue installments" },
] as const;

export type BackgroundServiceName = (typeof BACKGROUND_SERVICES)[number]["name"];

export type BackgroundServices = {
  names: BackgroundServiceName[];
  /** The running process of a service (a crashed one is replaced after a second). */
  pid(name: BackgroundServiceName): number | null;
  /** Graceful: SIGTERM, each finishes what it holds (the worker, its emails in flight). */
  stop(): Promise<void>;
};

const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");

export function startBackgroundServices(opts: {
  env: NodeJS.ProcessEnv;
  log: Log;
  /** `npm run dev`: restart a service when its sources change. */
  watch?: boolean;
  /** How long a graceful stop may take before SIGKILL. */
  stopTimeoutMs?: number;
  /** Keep their standard output (one JSON line per email) off the console. */
  quiet?: boolean;
}): BackgroundServices {
  let stopping = false;
  const running = new Map<BackgroundServiceName, Service>();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const baseEnv: NodeJS.ProcessEnv = { ...opts.env, NODE_ENV: opts.watch ? "development" : "production" };
  function start(spec: (typeof BACKGROUND_SERVICES)[number]) {
    // Each names itself in its log lines (`node`), unless the environment names it already.
    const env = { SHOOTQ_NODE_NAME: spec.name, ...baseEnv };
    // Plain node with tsx's loader: one process, so signals reach the service itself.
    const service = opts.watch
      ? startService(spec.name, TSX_BIN, ["watch", "--clear-screen=false", spec.script], env, {
          cwd: ROOT,
          quiet: opts.quiet,
        })
      : startService(spec.name, process.execPath, ["--import", "tsx", spec.script], env, {
          cwd: ROOT,
          quiet: opts.quiet,
        });
    running.set(spec.name, service);
    void service.exited.then(async (code) => {
      if (stopping || isShuttingDown() || running.get(spec.name) !== service) return;
      opts.log(`${spec.name} exited (code ${code ?? service.child.signalCode}); restarting it in 1 s`);
      await sleep(1_000);
      if (!stopping && !isShuttingDown()) start(spec);
    });
  }

  for (const spec of BACKGROUND_SERVICES) start(spec);
  opts.log(`started ${BACKGROUND_SERVICES.map((s) => `${s.name} (${s.what})`).join(", ")}`);
  return {
    names: BACKGROUND_SERVICES.map((s) => s.name),
    pid: (name) => running.get(name)?.child.pid ?? null,
    async stop() {
      stopping = true;
      await Promise.all([...running.values()].map((s) => stopService(s, opts.stopTimeoutMs ?? 60_000)));
    },
  };
}
