import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./paths";

type Started = { dir: string; ports: number[]; pids: number[] };

/** Runs the fixture harness; `whenStarted` may act on it (send a signal) once it printed what it started. */
function runFixture(
  mode: string,
  whenStarted?: (pid: number, out: string) => void,
): Promise<{ code: number | null; out: string; started: Started }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join("scripts", "testing", "harness-fixture.ts"), mode],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let started: Started | undefined;
    const onOutput = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^STARTED (.+)$/m.exec(out);
      if (match && !started) started = JSON.parse(match[1]) as Started;
      if (started) whenStarted?.(child.pid!, out);
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", reject);
    child.on("exit", (code) =>
      started ? resolve({ code, out, started }) : reject(new Error(`the fixture never started:\n${out}`)),
    );
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

async function expectNothingLeft(started: Started) {
  for (const pid of started.pids) expect(isAlive(pid), `process ${pid}`).toBe(false);
  for (const port of started.ports) expect(await isListening(port), `port ${port}`).toBe(false);
  expect(existsSync(started.dir), started.dir).toBe(false);
}

// Each case initialises and starts two PostgreSQL servers and maildev in a child process: minutes
// on a loaded 2-core machine, whatever the harness does.
describe("a harness", { timeout: 240_000 }, () => {
  it("stops its databases, its mail sink and their folder when an error is thrown inside it", async () => {
    const { code, out, started } = await runFixture("throw");
    expect(out).toContain("boom: thrown inside the harness");
    expect(code).toBe(1);
    await expectNothingLeft(started);
  });

  it("stops everything it started when a rejection goes unhandled", async () => {
    const { code, out, started } = await runFixture("reject");
    expect(out).toContain("boom: a rejection nobody handled");
    expect(code).toBe(1);
    await expectNothingLeft(started);
  });

  it("survives an SMTP client dropping its connection mid-transaction, and stops everything on SIGTERM", async () => {
    let signalled = false;
    const { code, out, started } = await runFixture("smtp-reset", (pid, text) => {
      if (!signalled && /SINK ERRORS \d+/.test(text)) {
        signalled = true;
        process.kill(pid, "SIGTERM");
      }
    });
    expect(out).toMatch(/SINK ERRORS [1-9]/);
    expect(out).not.toContain("uncaught error");
    expect(code).toBe(0);
    await expectNothingLeft(started);
  });
});
