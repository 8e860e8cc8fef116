import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Log } from "./harness.ts";
import { startNginx, type Nginx, type NginxSettings } from "./nginx.ts";
import { superviseNodes, type AppNode, type NodeState } from "./node-supervisor.ts";
import { DATA_DIR, ROOT } from "./paths.ts";
import { freePort } from "./processes.ts";
import { pruneReleases, stageRelease } from "./release.ts";
import { rollNodes, type RollStep } from "./rolling-restart.ts";
import { startBackgroundServices, type BackgroundServices } from "./services.ts";

export type { NodeState, RollStep };

export type NodeStatus = Pick<AppNode, "name" | "port" | "state" | "inRotation" | "healthy" | "restarts"> & {
  pid: number | null;
  release: string;
};

export type ClusterStatus = {
  url: string;
  nginxPid: number | null;
  deploymentId: string;
  nodes: NodeStatus[];
  services: string[];
};

export type RollReport = { release: string; deploymentId: string; steps: RollStep[]; totalMs: number };

export type AppClusterOptions = {
  /** Number of `next start` nodes (at least 1). */
  nodes: number;
  /** The port nginx listens on. */
  port: number;
  /** nginx's listen address; all interfaces when absent. */
  host?: string;
  /** The URL people use (NEXTAUTH_URL / APP_URL of every node). */
  url: string;
  /** What every node and background service gets: database URLs, secrets, SMTP, SECURE_COOKIES… */
  env: NodeJS.ProcessEnv;
  /** Where nginx's prefix, the staged releases and the node logs go (default .data). */
  dataDir?: string;
  /** Run the background services (the email worker) beside the nodes (default true). */
  services?: boolean;
  healthIntervalMs?: number;
  log?: Log;
};

export type AppCluster = {
  url: string;
  status(): ClusterStatus;
  /**
   * Restarts the nodes one at a time onto the current build (rolling-restart.ts). `deploymentId`
   * overrides the build's (a drill that makes the nodes look like a new release to browsers).
   */
  roll(opts?: { deploymentId?: string }): Promise<RollReport>;
  stop(): Promise<void>;
  /** Resolves when nginx exits on its own (the cluster is then unusable). */
  nginxExited: Promise<number | null>;
};

/**
 * The production layout on one machine: N `next start` nodes of one staged release, kept alive
 * by the node supervisor, behind nginx, with the background services beside them.
 */
/** The environment a cluster node at the public `url` runs with (before its name and build id). */
export function clusterNodeEnv(env: NodeJS.ProcessEnv, url: string): NodeJS.ProcessEnv {
  return {
    ...env,
    NEXT_DIST_DIR: ".next",
    NEXTAUTH_URL: url,
    APP_URL: url,
    // Every node sits behind the bundled nginx, which appends the client's address to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: "1",
  };
}

export async function startAppCluster(opts: AppClusterOptions): Promise<AppCluster> {
  if (opts.nodes < 1) throw new Error("a cluster needs at least one node");
  const log = opts.log ?? (() => {});
  const dataDir = opts.dataDir ?? DATA_DIR;
  const prefix = path.join(dataDir, "nginx");
  const staticRoot = path.join(prefix, "www");
  const releasesDir = path.join(dataDir, "releases");
  const logDir = path.join(dataDir, "logs");
  // Earlier builds' static files are kept for as long as this cluster runs (pages of a previous
  // release stay usable through a roll); a fresh start begins with the current build's only.
  rmSync(staticRoot, { recursive: true, force: true });
  for (const d of [prefix, staticRoot, releasesDir, logDir]) mkdirSync(d, { recursive: true });

  let release = stageRelease({ releasesDir, staticRoot });
  let deploymentOverride: string | undefined;
  log(`serving build ${release.id} from ${path.relative(ROOT, release.dir) || release.dir}`);
  pruneReleases(releasesDir, [release.dir]);

  const ports: number[] = [];
  while (ports.length < opts.nodes) {
    const p = await freePort();
    if (p !== opts.port && !ports.includes(p)) ports.push(p);
  }

  // One nginx reload at a time, each one seeing the latest rotation.
  let nginx: Nginx | null = null;
  let stopping = false;
  let reloads: Promise<unknown> = Promise.resolve();
  const settings = (nodes: AppNode[]): NginxSettings => ({
    prefix,
    port: opts.port,
    host: opts.host,
    staticRoot,
    publicRoot: path.join(release.dir, "public"),
    upstreams: nodes.map((n) => ({ address: `127.0.0.1:${n.port}`, down: !n.inRotation })),
  });
  const setRotation = (node: AppNode, inRotation: boolean, why: string): Promise<{ drainMs: number }> | null => {
    if (node.inRotation === inRotation) return null;
    node.inRotation = inRotation;
    log(`${node.name} ${inRotation ? "back in rotation" : "out of rotation"} (${why})`);
    const next = reloads.then(() => (nginx && !stopping ? nginx.reload(settings(supervisor.nodes)) : { drainMs: 0 }));
    reloads = next.catch(() => {}); // the caller gets the failure; the queue goes on
    return next;
  };

  const supervisor = await superviseNodes({
    ports,
    release,
    logDir,
    log,
    setRotation,
    healthIntervalMs: opts.healthIntervalMs,
    env: (node) => ({
      ...clusterNodeEnv(opts.env, opts.url),
      SHOOTQ_NODE_NAME: node.name,
      ...(deploymentOverride ? { SHOOTQ_BUILD_ID: deploymentOverride } : {}),
    }),
  });
  let services: BackgroundServices | null = null;
  try {
    nginx = await startNginx(settings(supervisor.nodes));
    log(`nginx listening on ${opts.host ?? "*"}:${opts.port} (prefix ${path.relative(ROOT, prefix) || prefix})`);
    if (opts.services !== false)
      services = startBackgroundServices({ env: { ...opts.env, APP_URL: opts.url, NEXTAUTH_URL: opts.url }, log });
  } catch (e) {
    await nginx?.stop();
    await supervisor.stop();
    throw e;
  }
  const runningNginx = nginx;

  let rolling: Promise<RollReport> | null = null;
  async function rollOnce(rollOpts: { deploymentId?: string }): Promise<RollReport> {
    const started = Date.now();
    const previous = release;
    release = stageRelease({ releasesDir, staticRoot });
    if (rollOpts.deploymentId !== undefined) deploymentOverride = rollOpts.deploymentId || undefined;
    log(
      `rolling restart onto build ${release.id}${deploymentOverride ? ` (deployment id ${deploymentOverride})` : ""}`,
    );
    const steps = await rollNodes({ supervisor, release, setRotation });
    pruneReleases(releasesDir, [release.dir]);
    if (previous.dir !== release.dir) log(`every node runs build ${release.id}`);
    const report = {
      release: release.id,
      deploymentId: deploymentOverride ?? release.id,
      steps,
      totalMs: Date.now() - started,
    };
    log(`rolling restart done in ${report.totalMs} ms`);
    return report;
  }

  return {
    url: opts.url,
    nginxExited: runningNginx.service.exited,
    status: () => ({
      url: opts.url,
      nginxPid: runningNginx.service.child.pid ?? null,
      deploymentId: deploymentOverride ?? release.id,
      services: services?.names ?? [],
      nodes: supervisor.nodes.map((n) => ({
        name: n.name,
        port: n.port,
        state: n.state,
        inRotation: n.inRotation,
        healthy: n.healthy,
        restarts: n.restarts,
        pid: n.service?.child.pid ?? null,
        release: n.release.id,
      })),
    }),
    roll(rollOpts = {}) {
      if (rolling) return Promise.reject(new Error("a rolling restart is already running"));
      rolling = rollOnce(rollOpts).finally(() => (rolling = null));
      return rolling;
    },
    async stop() {
      stopping = true;
      await services?.stop();
      await runningNginx.stop();
      await supervisor.stop();
    },
  };
}
