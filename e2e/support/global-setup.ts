import type { FullConfig } from "@playwright/test";
import { stopEverything } from "../../scripts/lib/lifecycle";
import { startTestApp } from "../../scripts/testing/app";
import type { TestDatabase } from "../../scripts/testing/database";
import { startE2eBackend } from "./backend";
import { keepRunLogs } from "./run-logs";
import { studioScopeProblem } from "./studio-scope";

/**
 * The production build served by `next start` (the app starter the integration tests use) against
 * a primary and a streaming replica that applies WAL 3 s late, with the email worker and a mail
 * sink. Whatever this starts is stopped on teardown, on a failure half-way, or when Playwright exits.
 * The teardown then fails the run when any process logged a secret (scripts/testing/log-secrets.ts).
 */
export default async function globalSetup(config: FullConfig) {
  const logs = keepRunLogs(config);
  let database: TestDatabase | undefined;
  try {
    const port = Number(process.env.E2E_PORT ?? 3210);
    const { db, env } = await startE2eBackend({
      appUrl: `http://localhost:${port}`,
      portVariable: "E2E_PORT",
      replicaDelay: process.env.SHOOTQ_REPLICA_DELAY ?? "3s",
      services: true,
    });
    database = db;
    await startTestApp({
      primaryUrl: db.primaryUrl,
      replicaUrls: db.replicaUrls,
      port,
      env: { ...env, SHOOTQ_NODE_NAME: "e2e-node" },
    });
  } catch (error) {
    await stopEverything();
    throw error;
  }
  return async () => {
    const scope = database && (await studioScopeProblem(database));
    await stopEverything();
    logs.check();
    if (scope) throw scope;
  };
}
