import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./paths.ts";
import { startService, stopService, type Service } from "./processes.ts";

export const NGINX_TEMPLATE = path.join(ROOT, "scripts", "nginx", "shootq.conf.template");

export type Upstream = { address: string; down: boolean };

export type NginxSettings = {
  /** nginx's prefix: config, pid, logs and temp files all live here. */
  prefix: string;
  port: number;
  /** Address to listen on; all interfaces when absent. */
  host?: string;
  /** Folder holding _next/static/. */
  staticRoot: string;
  /** The public/ folder of the release being served. */
  publicRoot: string;
  upstreams: Upstream[];
};

export function nginxBinary(): string {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  if (existsSync("/usr/sbin/nginx")) return "/usr/sbin/nginx";
  const found = spawnSync("sh", ["-c", "command -v nginx"]).stdout?.toString().trim();
  if (found) return found;
  throw new Error(
    "nginx is not installed: run `bash scripts/ensure-system-deps.sh` (or apt-get install -y nginx-light)",
  );
}

/** Replaces every {{NAME}} in `template`; a placeholder without a value is an error. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`nginx template: no value for {{${name}}}`);
    return values[name];
  });
}

function hasIpv6Loopback(): boolean {
  return Object.values(os.networkInterfaces()).some((list) =>
    list?.some((a) => a.family === "IPv6" && a.address === "::1"),
  );
}

function listenDirectives(port: number, host?: string): string {
  const lines: string[] = [];
  if (!host) {
    lines.push(`listen ${port};`);
    if (hasIpv6Loopback()) lines.push(`listen [::]:${port};`);
  } else {
    lines.push(`listen ${host}:${port};`);
    // "localhost" may resolve to ::1 first; answer there too when the host is the IPv4 loopback.
    if (host === "127.0.0.1" && hasIpv6Loopback()) lines.push(`listen [::1]:${port};`);
  }
  return lines.map((l) => `        ${l}`).join("\n");
}

/**
 * As root, nginx's workers switch to an unprivileged user; they must still read the files they
 * serve. Use `nobody` when it can, else run the workers as root (a checkout in a private folder).
 */
function userDirective(settings: NginxSettings): string {
  if (process.getuid?.() !== 0) return "# not root: the workers run as the current user";
  const ids = (flag: string, name: string) => Number(spawnSync("id", [flag, name]).stdout?.toString().trim());
  const uid = ids("-u", "nobody");
  const gid =
    spawnSync("getent", ["group", "nogroup"]).status === 0
      ? Number(spawnSync("getent", ["group", "nogroup"]).stdout.toString().split(":")[2])
      : NaN;
  const canRead = (p: string) =>
    spawnSync("test", ["-r", p], { uid, gid }).status === 0 && spawnSync("test", ["-x", p], { uid, gid }).status === 0;
  if (Number.isFinite(uid) && Number.isFinite(gid) && canRead(settings.staticRoot) && canRead(settings.publicRoot))
    return "user nobody nogroup;";
  return "user root root; # the user nobody cannot read the project's files here";
}

export function renderNginxConfig(settings: NginxSettings): string {
  const servers = settings.upstreams.map(
    (u) => `        server ${u.address} max_fails=3 fail_timeout=2s${u.down ? " down" : ""};`,
  );
  return fillTemplate(readFileSync(NGINX_TEMPLATE, "utf8"), {
    PREFIX: settings.prefix,
    USER_DIRECTIVE: userDirective(settings),
    LISTEN_DIRECTIVES: listenDirectives(settings.port, settings.host),
    STATIC_ROOT: settings.staticRoot,
    PUBLIC_ROOT: settings.publicRoot,
    UPSTREAM_SERVERS: servers.join("\n"),
  });
}

function configFile(prefix: string) {
  return path.join(prefix, "nginx.conf");
}

function baseArgs(prefix: string) {
  return ["-p", prefix, "-c", configFile(prefix), "-e", path.join(prefix, "logs", "error.log")];
}

function writeAndTest(settings: NginxSettings): void {
  for (const dir of ["logs", "temp"]) mkdirSync(path.join(settings.prefix, dir), { recursive: true });
  const file = configFile(settings.prefix);
  const previous = existsSync(file) ? readFileSync(file, "utf8") : null;
  writeFileSync(file, renderNginxConfig(settings));
  try {
    execFileSync(nginxBinary(), ["-t", "-q", ...baseArgs(settings.prefix)], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    if (previous !== null) writeFileSync(file, previous);
    throw new Error(`nginx refused the generated config: ${(e as { stderr?: Buffer }).stderr?.toString() ?? e}`);
  }
}

/** Process ids whose parent is `pid` (Linux /proc). */
function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port: number, host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`nginx did not listen on ${host}:${port} within ${timeoutMs} ms`);
}

export type Nginx = {
  service: Service;
  /** Writes the config for `settings`, reloads, and resolves once the old workers have finished their requests. */
  reload(settings: NginxSettings): Promise<{ drainMs: number }>;
  stop(): Promise<void>;
};

/** Runs nginx in the foreground as a child process with its own prefix. */
export async function startNginx(settings: NginxSettings): Promise<Nginx> {
  writeAndTest(settings);
  const service = startService(
    "nginx",
    nginxBinary(),
    [...baseArgs(settings.prefix), "-g", "daemon off;"],
    process.env,
  );
  const early = service.exited.then((code) => {
    throw new Error(
      `nginx exited with code ${code} while starting; see ${path.join(settings.prefix, "logs", "error.log")}`,
    );
  });
  await Promise.race([
    waitForPort(settings.port, settings.host && settings.host !== "0.0.0.0" ? settings.host : "127.0.0.1", 10_000),
    early,
  ]);
  early.catch(() => {});
  const master = service.child.pid!;
  return {
    service,
    async reload(next) {
      writeAndTest(next);
      const started = Date.now();
      const oldWorkers = childPids(master);
      service.child.kill("SIGHUP");
      // New workers first (the config was applied), then the old ones gone (their requests done).
      const deadline = Date.now() + 40_000;
      while (Date.now() < deadline) {
        const now = childPids(master);
        const replaced = now.some((p) => !oldWorkers.includes(p));
        if (replaced && !oldWorkers.some(isAlive)) return { drainMs: Date.now() - started };
        await sleep(50);
      }
      throw new Error("nginx's old workers did not finish within 40 s of a reload");
    },
    stop: () => stopService(service),
  };
}
