import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startNginx, type Nginx, type NginxSettings } from "./nginx.ts";
import { DATA_DIR, ROOT } from "./paths.ts";
import { freePort, startService, stopService, type Service } from "./processes.ts";
import { pruneReleases, stageRelease, type Release } from "./release.ts";

export type NodeState = "starting" | "up" | "stopping" | "crashed";

export type ClusterNode = {
  name: string;
  port: number;
  state: NodeState;
  /** Whether nginx sends it requests. */
  inRotation: boolean;
  healthy: boolean;
  failedProbes: number;
  restarts: number;
  release: Release;
  service: Service | null;
  /** Set while a rolling restart owns the node: the health probe and the crash restart leave it alone. */
  rolling: boolean;
};

export type NodeStatus = Pick<ClusterNode, "name" | "port" | "state" | "inRotation" | "healthy" | "restarts"> & {
  pid: number | null;
  release: string;
};

export type ClusterStatus = { url: string; nginxPid: number | null; deploymentId: string; nodes: NodeStatus[]; worker: boolean };

export type RollStep = { node: string; drainMs: number; restartMs: number; totalMs: number };
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
  /** What every node and the worker get: database URLs, secrets, SECURE_COOKIES… */
  env: NodeJS.ProcessEnv;
  /** Where nginx's prefix, the staged releases and the node logs go (default .data). */
  dataDir?: string;
  /** The worker script to run beside the nodes; default scripts/worker.ts when that file exists. */
  worker?: string | null;
  healthIntervalMs?: number;
  log?: (line: string) => void;
};

export type AppCluster = {
  url: string;
  status(): ClusterStatus;
  /**
   * Restarts the nodes one at a time onto the current build: out of nginx, drained, stopped,
   * started, healthy, back in. `deploymentId` overrides the build's (a drill that makes the
   * nodes look like a new release to browsers).
   */
  roll(opts?: { deploymentId?: string }): Promise<RollReport>;
  stop(): Promise<void>;
  /** Resolves when nginx exits on its own (the cluster is then unusable). */
  nginxExited: Promise<number | null>;
};

const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(port: number, timeoutMs = 1_500): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function waitHealthy(node: ClusterNode, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.service?.child.exitCode !== null && node.service?.child.exitCode !== undefined) {
      throw new Error(`${node.name} exited with code ${node.service.child.exitCode} while starting; see its log`);
    }
    if (await probe(node.port)) return;
    await sleep(200);
  }
  throw new Error(`${node.name} did not answer /api/health within ${timeoutMs} ms`);
}

/** First requests load each route's code; make a restarted node do that before nginx sends it users. */
async function warmUp(port: number): Promise<void> {
  for (const p of ["/", "/sign-in", "/dashboard"]) {
    await fetch(`http://127.0.0.1:${port}${p}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) })
      .then((r) => r.arrayBuffer())
      .catch(() => {});
  }
}

/** N `next start` nodes of one staged release behind nginx, with the worker when there is one. */
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
  const nodes: ClusterNode[] = ports.map((port, i) => ({
    name: `node-${i + 1}`,
    port,
    state: "starting",
    inRotation: true,
    healthy: false,
    failedProbes: 0,
    restarts: 0,
    release,
    service: null,
    rolling: false,
  }));
  let stopping = false;

  const nodeEnv = (node: ClusterNode): NodeJS.ProcessEnv => ({
    ...opts.env,
    NODE_ENV: "production",
    SHOOTQ_NODE_NAME: node.name,
    NEXT_DIST_DIR: ".next",
    NEXTAUTH_URL: opts.url,
    APP_URL: opts.url,
    // Every node sits behind the bundled nginx, which appends the client's address to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: "1",
    ...(deploymentOverride ? { SHOOTQ_BUILD_ID: deploymentOverride } : {}),
  });

  function spawnNode(node: ClusterNode): void {
    node.state = "starting";
    node.healthy = false;
    node.failedProbes = 0;
    const service = startService(
      node.name,
      NEXT_BIN,
      ["start", "-p", String(node.port), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"],
      nodeEnv(node),
      { quiet: true, cwd: node.release.dir },
    );
    service.child.stdout?.pipe(createWriteStream(path.join(logDir, `${node.name}.log`), { flags: "a" }));
    node.service = service;
    void service.exited.then((code) => onNodeExit(node, service, code));
  }

  const settings = (): NginxSettings => ({
    prefix,
    port: opts.port,
    host: opts.host,
    staticRoot,
    publicRoot: path.join(release.dir, "public"),
    upstreams: nodes.map((n) => ({ address: `127.0.0.1:${n.port}`, down: !n.inRotation })),
  });

  // One nginx reload at a time, each one seeing the latest rotation.
  let nginx: Nginx | null = null;
  let reloads: Promise<unknown> = Promise.resolve();
  const applyRotation = (): Promise<{ drainMs: number }> => {
    const next = reloads.then(() => (nginx && !stopping ? nginx.reload(settings()) : { drainMs: 0 }));
    reloads = next.catch(() => {});
    return next;
  };

  function setRotation(node: ClusterNode, inRotation: boolean, why: string): Promise<{ drainMs: number }> | null {
    if (node.inRotation === inRotation) return null;
    node.inRotation = inRotation;
    log(`${node.name} ${inRotation ? "back in rotation" : "out of rotation"} (${why})`);
    return applyRotation();
  }

  async function onNodeExit(node: ClusterNode, service: Service, code: number | null): Promise<void> {
    if (stopping || node.service !== service || node.state === "stopping") return;
    node.state = "crashed";
    node.healthy = false;
    // No nginx reload here: nginx already skips a node that refuses connections (and retries the
    // request elsewhere), and every reload closes idle client connections, which costs clients a retry.
    log(`${node.name} exited unexpectedly (code ${code ?? service.child.signalCode}); restarting it`);
    await sleep(500);
    if (stopping || node.rolling) return;
    node.restarts++;
    spawnNode(node);
    try {
      await waitHealthy(node);
      await warmUp(node.port);
      node.state = "up";
      node.healthy = true;
      log(`${node.name} restarted and healthy`);
    } catch (e) {
      log(`${node.name} did not come back: ${(e as Error).message}`);
    }
  }

  // nginx OSS only notices failures passively; this probe takes a failing node out and puts a
  // recovered one back. When no node is healthy (the primary is down, say), all stay in.
  async function probeAll(): Promise<void> {
    const candidates = nodes.filter((n) => n.state === "up" && !n.rolling);
    await Promise.all(
      candidates.map(async (n) => {
        const ok = await probe(n.port);
        n.failedProbes = ok ? 0 : n.failedProbes + 1;
        n.healthy = ok || n.failedProbes < 2;
      }),
    );
    if (stopping) return;
    const anyHealthyElsewhere = (n: ClusterNode) => nodes.some((o) => o !== n && o.inRotation && o.healthy && o.state === "up");
    for (const n of candidates) {
      if (!n.healthy && n.inRotation && anyHealthyElsewhere(n)) await setRotation(n, false, "failing /api/health")?.catch(() => {});
      else if (n.healthy && !n.inRotation) await setRotation(n, true, "healthy again")?.catch(() => {});
    }
  }

  const cleanupNodes = async () => {
    stopping = true;
    await Promise.all(nodes.map((n) => (n.service ? stopService(n.service, 15_000) : undefined)));
  };

  try {
    log(`starting ${nodes.length} node(s) on ports ${ports.join(", ")}`);
    for (const n of nodes) spawnNode(n);
    await Promise.all(nodes.map((n) => waitHealthy(n)));
    await Promise.all(nodes.map((n) => warmUp(n.port)));
    for (const n of nodes) {
      n.state = "up";
      n.healthy = true;
    }
    nginx = await startNginx(settings());
    log(`nginx listening on ${opts.host ?? "*"}:${opts.port} (prefix ${path.relative(ROOT, prefix) || prefix})`);
  } catch (e) {
    await cleanupNodes();
    throw e;
  }
  const runningNginx = nginx;

  let worker: Service | null = null;
  const workerScript = opts.worker === undefined ? path.join(ROOT, "scripts", "worker.ts") : opts.worker;
  const startWorker = () => {
    if (!workerScript || !existsSync(workerScript)) return;
    worker = startService("worker", TSX_BIN, [workerScript], { ...opts.env, NODE_ENV: "production", APP_URL: opts.url, NEXTAUTH_URL: opts.url }, { cwd: ROOT });
    const mine = worker;
    void mine.exited.then(async (code) => {
      if (stopping || worker !== mine) return;
      log(`the worker exited (code ${code}); restarting it in 1 s`);
      await sleep(1_000);
      if (!stopping) startWorker();
    });
  };
  startWorker();
  if (worker) log("worker started (scripts/worker.ts)");

  let probing = false;
  const timer = setInterval(() => {
    if (probing) return;
    probing = true;
    void probeAll().finally(() => (probing = false));
  }, opts.healthIntervalMs ?? 2_000);

  let rolling: Promise<RollReport> | null = null;
  async function rollOnce(rollOpts: { deploymentId?: string }): Promise<RollReport> {
    if (nodes.length < 2) throw new Error("a rolling restart needs at least 2 nodes (start the cluster with --nodes 2 or more)");
    const started = Date.now();
    const previous = release;
    const next = stageRelease({ releasesDir, staticRoot });
    if (rollOpts.deploymentId !== undefined) deploymentOverride = rollOpts.deploymentId || undefined;
    release = next;
    log(`rolling restart onto build ${next.id}${deploymentOverride ? ` (deployment id ${deploymentOverride})` : ""}`);
    const steps: RollStep[] = [];
    for (const node of nodes) {
      const t0 = Date.now();
      node.rolling = true;
      try {
        // Another node must carry the traffic while this one restarts.
        const others = nodes.filter((o) => o !== node && o.state === "up");
        if (others.length === 0) throw new Error(`no other node is up to carry traffic while ${node.name} restarts`);
        const { drainMs } = (await setRotation(node, false, "rolling restart")) ?? { drainMs: 0 };
        node.state = "stopping";
        if (node.service) await stopService(node.service, 30_000);
        const t1 = Date.now();
        node.release = next;
        spawnNode(node);
        await waitHealthy(node);
        await warmUp(node.port);
        node.state = "up";
        node.healthy = true;
        const restartMs = Date.now() - t1;
        await setRotation(node, true, "restarted onto the new build");
        steps.push({ node: node.name, drainMs, restartMs, totalMs: Date.now() - t0 });
      } finally {
        node.rolling = false;
      }
    }
    pruneReleases(releasesDir, [release.dir]);
    if (previous.dir !== release.dir) log(`every node runs build ${release.id}`);
    const report = { release: release.id, deploymentId: deploymentOverride ?? release.id, steps, totalMs: Date.now() - started };
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
      worker: worker !== null,
      nodes: nodes.map((n) => ({
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
      clearInterval(timer);
      if (worker) await stopService(worker);
      await runningNginx.stop();
      await cleanupNodes();
    },
  };
}
