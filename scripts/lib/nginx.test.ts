import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fillTemplate, nginxBinary, renderNginxConfig, startNginx, type NginxSettings } from "./nginx";
import { freePort } from "./processes";

const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-nginx-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(upstreams: NginxSettings["upstreams"], port = 38_123): NginxSettings {
  for (const d of ["logs", "temp", "www", "public"]) mkdirSync(path.join(dir, d), { recursive: true });
  return {
    prefix: dir,
    port,
    host: "127.0.0.1",
    staticRoot: path.join(dir, "www"),
    publicRoot: path.join(dir, "public"),
    upstreams,
  };
}

describe("the nginx config", () => {
  it("is accepted by nginx, with a node taken out of rotation marked down", () => {
    const conf = renderNginxConfig(
      settings([
        { address: "127.0.0.1:41001", down: false },
        { address: "127.0.0.1:41002", down: true },
      ]),
    );
    expect(conf).toMatch(/server 127\.0\.0\.1:41001 max_fails=\d+ fail_timeout=\d+s;/);
    expect(conf).toMatch(/server 127\.0\.0\.1:41002 [^;]* down;/);
    expect(conf).toContain("proxy_next_upstream error timeout http_502 http_503 http_504;");
    // POSTs are never replayed on another node.
    for (const line of conf.split("\n").filter((l) => /^\s*proxy_next_upstream /.test(l)))
      expect(line).not.toContain("non_idempotent");
    const file = path.join(dir, "nginx.conf");
    writeFileSync(file, conf);
    expect(() =>
      execFileSync(nginxBinary(), ["-t", "-q", "-p", dir, "-c", file, "-e", path.join(dir, "logs", "error.log")], {
        stdio: "pipe",
      }),
    ).not.toThrow();
  });

  it("refuses a template placeholder it has no value for", () => {
    expect(() => fillTemplate("listen {{PORT}}; root {{ROOT}};", { PORT: "80" })).toThrow("no value for {{ROOT}}");
  });

  it("passes on a plain client request id or makes one, passes traceparent, and logs no link token", async () => {
    // A stand-in node that answers with the headers it was given.
    const node = http.createServer((req, res) =>
      res.end(JSON.stringify({ id: req.headers["x-request-id"], traceparent: req.headers.traceparent })),
    );
    await new Promise<void>((resolve) => node.listen(0, "127.0.0.1", resolve));
    const port = await freePort();
    const nginx = await startNginx(
      settings([{ address: `127.0.0.1:${(node.address() as AddressInfo).port}`, down: false }], port),
    );
    try {
      const seen = async (path: string, headers: Record<string, string> = {}) =>
        (await (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).json()) as {
          id: string;
          traceparent?: string;
        };
      const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
      expect(await seen("/leads", { "x-request-id": "client-id-12345678", traceparent })).toEqual({
        id: "client-id-12345678",
        traceparent,
      });
      expect((await seen("/leads")).id).toMatch(/^[0-9a-f]{32}$/);
      expect((await seen("/leads", { "x-request-id": "short" })).id).toMatch(/^[0-9a-f]{32}$/);
      expect((await seen("/leads", { "x-request-id": "a".repeat(129) })).id).toMatch(/^[0-9a-f]{32}$/);
      const token = "Zm9vYmFyLXRva2VuLXRoYXQtbXVzdC1uZXZlci1sZWFr";
      const { id } = await seen(`/p/${token}/contract?token=${token}`);
      await expect.poll(() => readFileSync(path.join(dir, "logs", "access.log"), "utf8")).toContain(`request_id=${id}`);
      const log = readFileSync(path.join(dir, "logs", "access.log"), "utf8");
      expect(log).toContain('"GET /p/[redacted]/contract HTTP/1.1"');
      expect(log).toContain("request_id=client-id-12345678");
      expect(log).not.toContain(token);
    } finally {
      await nginx.stop();
      await new Promise((resolve) => node.close(resolve));
    }
  });
});
