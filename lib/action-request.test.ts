import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { DIST_DIR } from "@/scripts/lib/paths";

const database = inject("database");

/**
 * POSTs a body of `megabytes` MB chunked (no Content-Length announces its size) and stops sending
 * as soon as the server answers, as an attacker's client would keep going until refused.
 */
function postChunked(
  url: string,
  headers: Record<string, string>,
  megabytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (!answered && sent < megabytes * 16) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end('"]');
    };
    req.write('["');
    pump();
  });
}

describe("server-action requests that cannot be read", () => {
  let app: TestApp;
  let actionId: string;
  beforeAll(async () => {
    const manifest = JSON.parse(
      readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { exportedName: string }> };
    actionId = Object.entries(manifest.node).find(([, a]) => a.exportedName === "signUpAction")![0];
    app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: [] });
  });
  afterAll(() => app?.stop());

  const post = (body: BodyInit, contentType: string) =>
    fetch(`${app.url}/sign-up`, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": contentType },
      body,
      redirect: "manual",
    });

  it("answer 400 with a message, never 500", async () => {
    const cases: [BodyInit, string][] = [
      ["{not json", "text/plain;charset=UTF-8"],
      ['--x\r\ncontent-disposition: form-data; name="0"\r\n\r\nnope\r\n--x--\r\n', "multipart/form-data; boundary=x"],
      ["whatever", "multipart/form-data"],
      ["<xml/>", "application/xml"],
    ];
    for (const [body, type] of cases) {
      const res = await post(body, type);
      expect(res.status, `${type}: ${String(body).slice(0, 20)}`).toBe(400);
      expect((await res.json()).error).toMatch(/could not be read/);
    }
  });

  it("an action posted from another site is refused with 403, an oversized one with 413", async () => {
    const foreign = await fetch(`${app.url}/sign-up`, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" },
      body: "[]",
    });
    expect(foreign.status).toBe(403);
    const big = await post(JSON.stringify(["x".repeat(1_100_000)]), "text/plain;charset=UTF-8");
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatch(/too large/);
  });

  it("an action posted from an opaque origin (Origin: null) is refused with 403", async () => {
    const res = await fetch(`${app.url}/sign-up`, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin: "null" },
      body: "[]",
    });
    expect(res.status).toBe(403);
  });

  it("a 3 MB chunked body is refused with 413 by route handlers and by the action check", async () => {
    const route = await postChunked(
      `${app.url}/api/inquiries/no-such-studio`,
      { "content-type": "application/json" },
      3,
    );
    const action = await postChunked(
      `${app.url}/sign-up`,
      { "next-action": actionId, "content-type": "text/plain;charset=UTF-8" },
      3,
    );
    expect(action.status).toBe(413);
    expect(JSON.parse(action.body).error).toMatch(/too large: ShootQ takes forms of up to 1 MB/);
    expect(route.status).toBe(413);
    expect(JSON.parse(route.body).error).toMatch(/too large/);
  });

  it("a chunked action post within the limit is refused with 411: length required, nothing oversized", async () => {
    const small = await postChunked(
      `${app.url}/sign-up`,
      { "next-action": actionId, "content-type": "text/plain;charset=UTF-8" },
      0.1,
    );
    expect(small.status).toBe(411);
    expect(JSON.parse(small.body).error).toMatch(/without its length/);
  });

  it("every page carries a nonce-based Content-Security-Policy that forbids framing, and the other security headers", async () => {
    const res = await fetch(`${app.url}/sign-in`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    // Next.js puts the request's nonce on its own scripts, so they run under the policy.
    expect(await res.text()).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    // Secure cookies are off on this test node: no HSTS over plain HTTP.
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect((await fetch(`${app.url}/sign-in`)).headers.get("content-security-policy")).not.toBe(csp);
  });

  it("a sign-in post that is not a form answers 400, not 500", async () => {
    const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(res.status).toBe(400);
  });

  it("a well-formed action request still reaches the action", async () => {
    const form = new FormData();
    form.set("0", JSON.stringify([{ ok: false }, "$K1"]));
    const res = await fetch(`${app.url}/sign-up`, {
      method: "POST",
      headers: { "next-action": actionId, accept: "text/x-component" },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Please correct the highlighted fields.");
  });
});
