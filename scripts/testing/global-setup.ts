import type { TestProject } from "vitest/node";
import { stopEverything } from "../lib/lifecycle.ts";
import { startTestDatabase } from "./database.ts";

// One real primary and two real streaming replicas for the whole run: replica-1 applies WAL
// 3 s late (SHOOTQ_REPLICA_DELAY), replica-2 promptly. Tests that need another shape start
// their own database. Whatever this starts is stopped on teardown, or when Vitest exits anyhow.
export async function setup(project: TestProject) {
  const db = await startTestDatabase([process.env.SHOOTQ_REPLICA_DELAY ?? "3s", "0"]);
  process.env.DATABASE_URL = db.primaryUrl;
  process.env.DATABASE_REPLICA_URLS = db.replicaUrls.join(",");
  process.env.TEST_ADMIN_DATABASE_URL = db.adminUrl;
  project.provide("database", {
    primaryUrl: db.primaryUrl,
    replicaUrls: db.replicaUrls,
    adminUrl: db.adminUrl,
    dir: db.dir,
  });
}

export async function teardown() {
  await stopEverything();
}
