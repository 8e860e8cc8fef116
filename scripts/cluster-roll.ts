// `npm run cluster:roll`: asks the running `npm run start:cluster` to restart its nodes one at a
// time onto the current build (run `npm run build` first to roll out a new release).
import { callClusterControl, readControlFile } from "./lib/cluster-control.ts";
import type { RollReport } from "./lib/app-cluster.ts";

const info = readControlFile();
if (!info) {
  console.error("No cluster is running here: start one with `npm run start:cluster`.");
  process.exit(1);
}
console.log(`[roll] rolling restart of the cluster at ${info.url}…`);
try {
  const report = await callClusterControl<RollReport>(info, "POST", "/roll");
  for (const s of report.steps) {
    console.log(`[roll] ${s.node}: drained in ${s.drainMs} ms, restarted and healthy in ${s.restartMs} ms`);
  }
  console.log(`[roll] every node runs build ${report.release} (${(report.totalMs / 1000).toFixed(1)} s)`);
} catch (e) {
  const cause = (e as { cause?: { code?: string } }).cause?.code;
  console.error(
    cause === "ECONNREFUSED"
      ? "The cluster that wrote .data/cluster.json is not running any more: start one with `npm run start:cluster`."
      : `Rolling restart failed: ${(e as Error).message}`,
  );
  process.exit(1);
}
