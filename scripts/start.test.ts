import { spawnSync } from "node:child_process";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./lib/processes";
import { ROOT } from "./lib/paths";

// `npm start` in a checkout whose embedded-database port is taken (a second checkout, a local
// PostgreSQL): it must say which port and which variable moves it, and leave nothing behind.
describe("npm start with the database port taken", () => {
  let blocker: net.Server;
  let taken: number;

  beforeAll(async () => {
    taken = await freePort();
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it("names the port and SHOOTQ_PG_PORT, and exits 1", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, SHOOTQ_PG_PORT: String(taken), PORT: String(await freePort()) };
    delete env.DATABASE_URL;
    delete env.DATABASE_REPLICA_URLS;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    const output = run.stdout + run.stderr;
    expect(output).toContain(`port ${taken} is already in use`);
    expect(output).toContain("SHOOTQ_PG_PORT");
    expect(output).not.toContain("pg_ctl");
    expect(run.status).toBe(1);
  });
});
