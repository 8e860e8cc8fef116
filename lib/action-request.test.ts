import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestApp, type TestApp } from "@/scripts/testing/app";
import { DIST_DIR } from "@/scripts/lib/paths";

const database = inject("database");

describe("server-action requests that cannot be read", () => {
  let app: TestApp;
  let actionId: string;
  beforeAll(async () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
    actionId = Object.entries(manifest.node).find(([, a]) => a.exportedName === "signUpAction")![0];
    app = await startTestApp({ primaryUrl: database.primaryUrl, replicaUrls: [] });
  });
  afterAll(() => app?.stop());

  const post = (body: BodyInit, contentType: string) =>
    fetch(`${app.url}/sign-up`, { method: "POST", headers: { "next-action": actionId, "content-type": contentType }, body, redirect: "manual" });

  it("answer 400 with a message, never 500", async () => {
    const cases: [BodyInit, string][] = [
      ["{not json", "text/plain;charset=UTF-8"],
      ["--x\r\ncontent-disposition: form-data; name=\"0\"\r\n\r\nnope\r\n--x--\r\n", "multipart/form-data; boundary=x"],
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
  });

  it("a sign-in post that is not a form answers 400, not 500", async () => {
    const res = await fetch(`${app.url}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(res.status).toBe(400);
  });

  it("a well-formed action request still reaches the action", async () => {
    const form = new FormData();
    form.set("0", JSON.stringify([{ ok: false }, "$K1"]));
    const res = await fetch(`${app.url}/sign-up`, { method: "POST", headers: { "next-action": actionId, accept: "text/x-component" }, body: form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Please correct the highlighted fields.");
  });
});
