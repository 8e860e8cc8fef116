import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { logOptions } from "../../lib/log/index.ts";
import { linkToken } from "../../lib/tokens.ts";
import { TEST_PASSWORD } from "../../prisma/factories.ts";
import { assertNoSecretsInLogs, findSecrets, knownSecrets } from "./log-secrets.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "shootq-log-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JWE = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..k3Vr5ZqRm0fUq1ab.Jc1Xc0ZTy4oVw2v7Hk4E0d-payload.z8XbqWQp1tag";
const LINK = linkToken("invoice", "00000000-0000-4000-8000-000000000042");
const known = knownSecrets({ SESSION_SECRET: "planted-session-secret-0123456789abcdef" });

/** What a careless process would print, one secret a line. */
const LEAKS = [
  `{"msg":"sign in","password":"${TEST_PASSWORD}"}`,
  `{"msg":"sign in","password":"shootq-demo-2026"}`,
  `{"msg":"request","cookie":"next-auth.session-token=${JWE}"}`,
  `{"msg":"api","authorization":"Bearer sq_live_q8Zt0mWcYb3Lk5Nd7Rf9Hs2Jp4Gx6Vv1"}`,
  `127.0.0.1 [01/Dec/2026] "GET /i/${LINK} HTTP/1.1" 200`,
  `{"msg":"env","SESSION_SECRET":"planted-session-secret-0123456789abcdef"}`,
  `{"msg":"reset","url":"http://localhost:3210/reset?token=${LINK}"}`,
];

describe("the log-secrets check", () => {
  it("names the file and line of every planted secret, and what it is", () => {
    const file = path.join(dir, "leaky", "app-3210.log");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, ['{"msg":"request","path":"/leads"}', ...LEAKS, ...Array(10).fill("{}")].join("\n"));
    const lines = findSecrets(LEAKS.join("\n"), known).map((f) => f.line);
    expect(new Set(lines)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(() => assertNoSecretsInLogs(path.dirname(file), known)).toThrow(
      /app-3210\.log:2: the test factories' password/,
    );
    expect(() => assertNoSecretsInLogs(path.dirname(file), known)).toThrow(/app-3210\.log:4: a session cookie/);
    expect(() => assertNoSecretsInLogs(path.dirname(file), known)).toThrow(/app-3210\.log:6: a link token/);
    // The message names where, never the secret itself.
    expect(() => assertNoSecretsInLogs(path.dirname(file), known)).not.toThrow(new RegExp(TEST_PASSWORD));
  });

  it("passes the same events logged through lib/log, which masks them", () => {
    const out: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out.push(chunk.toString());
        done();
      },
    });
    const log = pino(logOptions("app"), sink);
    log.info({ password: TEST_PASSWORD, currentPassword: "shootq-demo-2026" }, "sign in");
    log.info(
      { headers: { cookie: `next-auth.session-token=${JWE}`, authorization: "Bearer sq_live_q8Zt0mWcYb3Lk" } },
      "api",
    );
    log.info({ path: `/i/${LINK}`, url: `http://localhost:3210/reset?token=${LINK}` }, "request");
    log.error(new Error(`render of /c/${LINK} failed`));
    const file = path.join(dir, "clean", "app.log");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, [...out, ...Array(10).fill("{}\n")].join(""));
    expect(() => assertNoSecretsInLogs(path.dirname(file), known)).not.toThrow();
  });

  it("fails when there are no logs at all, rather than pass having read nothing", () => {
    const empty = path.join(dir, "empty");
    mkdirSync(empty);
    expect(() => assertNoSecretsInLogs(empty, known)).toThrow(/no process logs/);
  });

  it("knows the seeded passwords and the ones the specs type", () => {
    const values = knownSecrets({}).map((s) => s.value);
    expect(values).toEqual(expect.arrayContaining(["shootq-demo-2026", "shootq-admin-2026", TEST_PASSWORD]));
    expect(values).toContain("correct horse battery");
  });
});
