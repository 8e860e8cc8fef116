import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { HarnessError } from "./harness.ts";
import { isShuttingDown, track } from "./lifecycle.ts";

export type Service = { name: string; child: ChildProcess; exited: Promise<number | null> };

/** SIGKILL to a detached child's whole process group: it and whatever it started. */
export function killProcessGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

const killGroup = (child: ChildProcess) => killProcessGroup(child.pid);

let outputDir: string | null = null;

/**
 * From now on, every service this process starts also appends its standard output and error to
 * `<dir>/<name>.log` (the e2e runs keep every process's logs with the run, and scan them).
 */
export function keepServiceOutput(dir: string): void {
  mkdirSync(dir, { recursive: true });
  outputDir = dir;
}

/**
 * Spawns a long-running child whose output is prefixed with its name. It runs in a process group
 * of its own: Ctrl-C reaches only the harness, which stops its services in order, and nothing the
 * child started can outlive it. It is stopped when this process ends, however it ends.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean; cwd?: string } = {},
): Service {
  if (isShuttingDown()) throw new Error(`not starting ${name}: shutting down`);
  const child = spawn(command, args, { env, cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((l) => `[${name}] ${l}\n`)
      .join("");
  if (outputDir) {
    const file = createWriteStream(path.join(outputDir, `${name.replace(/[^A-Za-z0-9._-]/g, "-")}.log`), {
      flags: "a",
    });
    child.stdout?.on("data", (c: Buffer) => file.write(c));
    child.stderr?.on("data", (c: Buffer) => file.write(c));
    child.on("close", () => file.end());
  }
  if (!opts.quiet) {
    child.stdout?.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
    child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
  } else {
    child.stdout?.resume();
    child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
  }
  const service: Service = {
    name,
    child,
    exited: new Promise<number | null>((resolve) => {
      child.on("exit", (code) => resolve(code));
      child.on("error", (error) => {
        process.stderr.write(`[${name}] could not start ${command}: ${error.message}\n`);
        resolve(null);
      });
    }),
  };
  const tracked = track(
    name,
    () => stopService(service),
    () => killGroup(child),
  );
  void service.exited.then(() => {
    // Whatever it started and left behind (a wrapper's child, say) goes with it.
    killGroup(child);
    tracked.release();
  });
  return service;
}

/** SIGTERM, then SIGKILL (to its whole process group) after `timeoutMs`. */
export async function stopService(service: Service, timeoutMs = 10_000): Promise<void> {
  const { child } = service;
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    child.kill("SIGTERM");
    const timer = setTimeout(() => killGroup(child), timeoutMs);
    await service.exited;
    clearTimeout(timer);
  }
  await service.exited;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves when `url` answers 2xx; throws after `timeoutMs`, or as soon as `service` (the process
 * meant to answer) exits.
 */
export async function waitForHttp(url: string, opts: { timeoutMs?: number; service?: Service } = {}): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let last = "";
  let exited: number | null | undefined;
  void opts.service?.exited.then((code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(
        `${opts.service!.name} exited (code ${exited ?? opts.service!.child.signalCode}) before ${url} answered`,
      );
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" ? resolve(false) : reject(error),
    );
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Refuses to go on, saying which variable moves it, when a port a harness needs is taken. */
export async function assertPortsFree(ports: { port: number; variable: string; what: string }[]): Promise<void> {
  for (const p of ports) {
    if (!(await isPortFree(p.port))) {
      throw new HarnessError(
        `port ${p.port} (${p.what}) is already in use, by another ShootQ checkout or another program: set ${p.variable} to a free port, e.g. ${p.variable}=${p.port + 100}`,
      );
    }
  }
}
