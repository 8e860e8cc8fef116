import { createWriteStream } from "node:fs";
import path from "node:path";
import { isShuttingDown } from "./lifecycle.ts";
import { startNextServer } from "./next-server.ts";
import { stopService, type Service } from "./processes.ts";
import type { Release } from "./release.ts";
import { countOf } from "../../lib/words.ts";

export type NodeState = "starting" | "up" | "stopping" | "crashed";

export type AppNode = {
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

export type NodeSupervisor = {
  nodes: AppNode[];
  /**
   * Stops `node` (it must be out of rotation already) and starts it on `release`, healthy and
   * warm; resolves with the milliseconds from its start to healthy.
   */
  restart(node: AppNode, release: Release): Promise<number>;
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(port: number, timeoutMs = 1_500): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    // Refused, reset or timed out: all mean "not healthy now".
    return false;
  }
}

async function waitHealthy(node: AppNode, timeoutMs = 90_000): Promise<void> {
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
      .catch(() => {}); // a slow or failing warm-up page only means a colder first request
  }
}

/**
 * Runs `next start` nodes of a staged release on the given loopback ports and keeps them alive: a
 * node that exits unexpectedly is restarted, and a periodic health probe takes a failing node out
 * of rotation (through `setRotation`, i.e. nginx) and puts a recovered one back. When no node is
 * healthy (the primary is down, say), all stay in.
 */
export async function superviseNodes(opts: {
  ports: number[];
  release: Release;
  env: (node: AppNode) => NodeJS.ProcessEnv;
  logDir: string;
  log: (line: string) => void;
  setRotation: (node: AppNode, inRotation: boolean, why: string) => Promise<unknown> | null;
  healthIntervalMs?: number;
}): Promise<NodeSupervisor> {
  const { log } = opts;
  let stopping = false;
  const nodes: AppNode[] = opts.ports.map((port, i) => ({
    name: `node-${i + 1}`,
    port,
    state: "starting",
    inRotation: true,
    healthy: false,
    failedProbes: 0,
    restarts: 0,
    release: opts.release,
    service: null,
    rolling: false,
  }));

  function spawnNode(node: AppNode): void {
    node.state = "starting";
    node.healthy = false;
    node.failedProbes = 0;
    const service = startNextServer({
      name: node.name,
      port: node.port,
      host: "127.0.0.1",
      env: opts.env(node),
      cwd: node.release.dir,
      quiet: true,
    });
    service.child.stdout?.pipe(createWriteStream(path.join(opts.logDir, `${node.name}.log`), { flags: "a" }));
    node.service = service;
    void service.exited.then((code) => onNodeExit(node, service, code));
  }

  async function bringUp(node: AppNode): Promise<void> {
    await waitHealthy(node);
    await warmUp(node.port);
    node.state = "up";
    node.healthy = true;
  }

  const gone = () => stopping || isShuttingDown();

  async function onNodeExit(node: AppNode, service: Service, code: number | null): Promise<void> {
    if (gone() || node.service !== service || node.state === "stopping") return;
    node.state = "crashed";
    node.healthy = false;
    // No nginx reload here: nginx already skips a node that refuses connections (and retries the
    // request elsewhere), and every reload closes idle client connections, which costs clients a retry.
    log(`${node.name} exited unexpectedly (code ${code ?? service.child.signalCode}); restarting it`);
    await sleep(500);
    if (gone() || node.rolling) return;
    node.restarts++;
    spawnNode(node);
    try {
      await bringUp(node);
      log(`${node.name} restarted and healthy`);
    } catch (e) {
      log(`${node.name} did not come back: ${(e as Error).message}`);
    }
  }

  async function probeAll(): Promise<void> {
    const candidates = nodes.filter((n) => n.state === "up" && !n.rolling);
    await Promise.all(
      candidates.map(async (n) => {
        const ok = await probe(n.port);
        n.failedProbes = ok ? 0 : n.failedProbes + 1;
        n.healthy = ok || n.failedProbes < 2;
      }),
    );
    if (gone()) return;
    const anyHealthyElsewhere = (n: AppNode) =>
      nodes.some((o) => o !== n && o.inRotation && o.healthy && o.state === "up");
    // A failed nginx reload is tried again by the next probe.
    const retryLater = (e: Error) => log(`could not change the rotation: ${e.message}`);
    for (const n of candidates) {
      if (!n.healthy && n.inRotation && anyHealthyElsewhere(n))
        await opts.setRotation(n, false, "failing /api/health")?.catch(retryLater);
      else if (n.healthy && !n.inRotation) await opts.setRotation(n, true, "healthy again")?.catch(retryLater);
    }
  }

  const stopNodes = async () => {
    stopping = true;
    clearInterval(timer);
    await Promise.all(nodes.map((n) => (n.service ? stopService(n.service, 15_000) : undefined)));
  };

  let probing = false;
  const timer = setInterval(() => {
    if (probing) return;
    probing = true;
    void probeAll().finally(() => (probing = false));
  }, opts.healthIntervalMs ?? 2_000);

  try {
    log(`starting ${countOf(nodes.length, "node", "nodes")} on ports ${opts.ports.join(", ")}`);
    for (const n of nodes) spawnNode(n);
    await Promise.all(nodes.map(bringUp));
  } catch (e) {
    await stopNodes();
    throw e;
  }

  return {
    nodes,
    async restart(node, release) {
      node.state = "stopping";
      if (node.service) await stopService(node.service, 30_000);
      const started = Date.now();
      node.release = release;
      spawnNode(node);
      await bringUp(node);
      return Date.now() - started;
    },
    stop: stopNodes,
  };
}
