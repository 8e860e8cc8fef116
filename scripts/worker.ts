// The worker (a background service, see scripts/lib/services.ts): delivers the email outbox over
// SMTP and the webhook outbox over HTTPS, and imports large CSV files. Needs DATABASE_URL (the primary), SMTP_URL, MAIL_FROM, APP_URL (the origin of links in
// emails) and LINK_SECRET (the same as the app's); with BOUNCE_ADDRESS and BOUNCE_SMTP_PORT it also
// receives bounce reports (lib/email/bounce-receiver.ts). SIGTERM stops it gracefully: every email it
// has fetched is delivered and recorded first, and so is every webhook attempt.
import { env } from "../lib/env.ts";
import { logEntry, logger, serviceLogging } from "../lib/log/index.ts";
import { configuredOrigin } from "../lib/urls.ts";
import { ensureQueueSchema } from "../lib/email/queue.ts";
import { startEmailWorker } from "../lib/email/worker.ts";
import { startWebhookWorker } from "../lib/webhooks/worker.ts";
import { startImportWorker } from "../lib/imports/worker.ts";
import { startMaintenance } from "../lib/maintenance/prune.ts";
import { startTracing } from "../lib/tracing/setup.ts";
import { HarnessError, runHarness } from "./lib/harness.ts";
import { track } from "./lib/lifecycle.ts";
import { serveServiceMetrics } from "./lib/service-metrics.ts";

await runHarness({ name: "worker", ...serviceLogging("worker") }, async () => {
  // Started first, so stopped last: spans of the jobs finishing during a graceful stop are sent.
  const tracing = startTracing("shootq-worker");
  track(
    "tracing",
    () => tracing.shutdown(),
    () => {},
  );
  const { DATABASE_URL, SMTP_URL, MAIL_FROM, NODE_ENV, PORT, WEBHOOKS_ALLOW_PRIVATE, LINK_SECRET } = {
    ...env(),
    PORT: process.env.PORT ?? "3000",
  };
  const concurrency = Number(process.env.EMAIL_WORKER_CONCURRENCY ?? 4);
  // Links in emails must point at the public URL; a request's Host header never decides it.
  const origin = configuredOrigin() ?? (NODE_ENV === "production" ? undefined : `http://localhost:${PORT}`);
  if (!origin) throw new HarnessError("The email worker needs APP_URL (the public URL links in emails point at).");
  await ensureQueueSchema(DATABASE_URL);
  const { BOUNCE_ADDRESS, BOUNCE_SMTP_PORT, BOUNCE_SMTP_HOST } = env();
  if (BOUNCE_ADDRESS && BOUNCE_SMTP_PORT === undefined)
    throw new HarnessError("BOUNCE_ADDRESS needs BOUNCE_SMTP_PORT: the port this worker receives its bounces on.");
  const worker = await startEmailWorker({
    databaseUrl: DATABASE_URL,
    smtpUrl: SMTP_URL,
    from: MAIL_FROM,
    origin,
    concurrency,
    ...(BOUNCE_ADDRESS && BOUNCE_SMTP_PORT !== undefined
      ? { bounces: { address: BOUNCE_ADDRESS, secret: LINK_SECRET, port: BOUNCE_SMTP_PORT, host: BOUNCE_SMTP_HOST } }
      : {}),
  });
  track(
    "email worker",
    () => worker.stop(),
    () => {},
  );
  logger().info(
    { smtp: SMTP_URL.replace(/\/\/[^@/]*@/, "//***@"), concurrency, bounces: worker.bouncePort },
    "email worker started",
  );
  const webhooks = await startWebhookWorker({
    databaseUrl: DATABASE_URL,
    policy: { allowPrivate: WEBHOOKS_ALLOW_PRIVATE !== "0" },
    concurrency: Number(process.env.WEBHOOK_WORKER_CONCURRENCY ?? 4),
  });
  track(
    "webhook worker",
    () => webhooks.stop(),
    () => {},
  );
  const imports = await startImportWorker({ databaseUrl: DATABASE_URL });
  track(
    "import worker",
    () => imports.stop(),
    () => {},
  );
  // Expired rate-limit counters, sessions, account links and form tokens, pruned on a schedule.
  const maintenance = await startMaintenance({
    databaseUrl: DATABASE_URL,
    log: logEntry(),
  });
  track(
    "maintenance",
    () => maintenance.stop(),
    () => {},
  );
  await serveServiceMetrics("worker", "WORKER_METRICS_PORT");
  return "serve";
});
