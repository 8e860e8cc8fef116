import type { TestProject } from "vitest/node";
import { startTestCluster, type TestCluster } from "./cluster.ts";

// One real primary and two real streaming replicas for the whole run: replica-1 applies WAL
// 3 s late (SHOOTQ_REPLICA_DELAY), replica-2 promptly. Tests that need another shape start
// their own cluster.
let cluster: TestCluster | undefined;

export async function setup(project: TestProject) {
  cluster = await startTestCluster([process.env.SHOOTQ_REPLICA_DELAY ?? "3s", "0"]);
  process.env.DATABASE_URL = cluster.primaryUrl;
  process.env.DATABASE_REPLICA_URLS = cluster.replicaUrls.join(",");
  process.env.TEST_ADMIN_DATABASE_URL = cluster.adminUrl;
  project.provide("cluster", { primaryUrl: cluster.primaryUrl, replicaUrls: cluster.replicaUrls, adminUrl: cluster.adminUrl, dir: cluster.dir });
}

export async function teardown() {
  await cluster?.destroy();
}
