// The billing service (a background service, see scripts/lib/services.ts): runs the scheduled
// billing work (reminders, overdue marking) from pg-boss schedules kept in the database. Needs
// DATABASE_URL (the primary). Any number may run; SIGTERM lets the run in progress finish.
import { env } from "../lib/env.ts";
import { logger, serviceLogging } from "../lib/log/index.ts";
import { startBillingService } from "../lib/billing/service.ts";
import { startTracing } from "../lib/tracing/setup.ts";
import { runHarness } from "./lib/harness.ts";
import { track } from "./lib/lifecycle.ts";
import { serveServiceMetrics } from "./lib/service-metrics.ts";

await runHarness({ name: "billing", ...serviceLogging("billing") }, async () => {
  // Started first, so stopped last: spans of the jobs finishing during a graceful stop are sent.
  const tracing = startTracing("shootq-billing");
  track(
    "tracing",
    () => tracing.shutdown(),
    () => {},
  );
  const { DATABASE_URL } = env();
  const service = await startBillingService({ databaseUrl: DATABASE_URL });
  track(
    "billing service",
    () => service.stop(),
    () => {},
  );
  logger().info("billing service started");
  await serveServiceMetrics("billing", "BILLING_METRICS_PORT");
  return "serve";
});
