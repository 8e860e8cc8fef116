import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { AppCluster } from "./app-cluster.ts";
import { track } from "./lifecycle.ts";
import { DATA_DIR } from "./paths.ts";

// A running cluster answers `npm run cluster:roll` (and tests) on a loopback port with a token,
// both written to a file only the owner can read.

export const CONTROL_FILE = path.join(DATA_DIR, "cluster.json");

export type ControlInfo = { url: string; controlUrl: string; token: string; pid: number };

export type ClusterControl = ControlInfo & { close(): Promise<void> };

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) throw new Error("body too large");
  }
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("expected a JSON object");
  return parsed as Record<string, unknown>;
}

export async function serveClusterControl(
  cluster: AppCluster,
  opts: { file?: string | null } = {},
): Promise<ClusterControl> {
  const token = randomBytes(24).toString("base64url");
  const server = http.createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: "missing or wrong token" });
    try {
      if (req.method === "GET" && req.url === "/status") return send(res, 200, cluster.status());
      if (req.method === "POST" && req.url === "/roll") {
        const body = await readJson(req);
        const deploymentId = body.deploymentId;
        if (deploymentId !== undefined && (typeof deploymentId !== "string" || !/^[\w.-]{0,64}$/.test(deploymentId))) {
          return send(res, 400, { error: "deploymentId must be letters, digits, dots, dashes or underscores" });
        }
        return send(res, 200, await cluster.roll({ deploymentId }));
      }
      return send(res, 404, { error: "GET /status or POST /roll" });
    } catch (e) {
      return send(res, 409, { error: (e as Error).message });
    }
  });
  server.requestTimeout = 0; // a roll takes as long as it takes
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const info: ControlInfo = {
    url: cluster.url,
    controlUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    pid: process.pid,
  };
  const file = opts.file === undefined ? CONTROL_FILE : opts.file;
  if (file) writeFileSync(file, JSON.stringify(info, null, 2), { mode: 0o600 });
  const removeFile = () => {
    if (file && existsSync(file)) rmSync(file, { force: true });
  };
  const close = () =>
    new Promise<void>((resolve) => {
      removeFile();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  // Closed before the cluster it controls: `npm run cluster:roll` never finds a stale file.
  const tracked = track("cluster control", close, removeFile);
  return {
    ...info,
    async close() {
      await close();
      tracked.release();
    },
  };
}

/** Calls a running cluster's control port. */
export async function callClusterControl<T>(
  info: Pick<ControlInfo, "controlUrl" | "token">,
  method: "GET" | "POST",
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${info.controlUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10 * 60_000),
  });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `HTTP ${res.status}`);
  return json;
}

export function readControlFile(file = CONTROL_FILE): ControlInfo | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as ControlInfo;
}
