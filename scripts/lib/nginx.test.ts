import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fillTemplate, nginxBinary, renderNginxConfig, type NginxSettings } from "./nginx";

const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-nginx-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(upstreams: NginxSettings["upstreams"]): NginxSettings {
  for (const d of ["logs", "temp", "www", "public"]) mkdirSync(path.join(dir, d), { recursive: true });
  return {
    prefix: dir,
    port: 38_123,
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
});
