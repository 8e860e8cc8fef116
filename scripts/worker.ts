// The email worker (the "services" process): delivers the outbox over SMTP. Run with
// `tsx scripts/worker.ts`; needs DATABASE_URL (the primary), SMTP_URL, MAIL_FROM, APP_URL (the
// origin of links in emails) and LINK_SECRET (the same as the app's).
import { env } from "../lib/env.ts";
import { configuredOrigin } from "../lib/urls.ts";
import { ensureQueueSchema } from "../lib/email/queue.ts";
import { startEmailWorker } from "../lib/email/worker.ts";
import { onShutdown } from "./lib/processes.ts";

const { DATABASE_URL, SMTP_URL, MAIL_FROM, NODE_ENV, PORT } = { ...env(), PORT: process.env.PORT ?? "3000" };
const concurrency = Number(process.env.EMAIL_WORKER_CONCURRENCY ?? 4);
// Links in emails must point at the public URL; a request's Host header never decides it.
const origin = configuredOrigin() ?? (NODE_ENV === "production" ? undefined : `http://localhost:${PORT}`);
if (!origin) {
  console.error("The email worker needs APP_URL (the public URL links in emails point at).");
  process.exit(1);
}

await ensureQueueSchema(DATABASE_URL);
const worker = await startEmailWorker({ databaseUrl: DATABASE_URL, smtpUrl: SMTP_URL, from: MAIL_FROM, origin, concurrency });
console.log(JSON.stringify({ msg: "email worker started", smtp: SMTP_URL.replace(/\/\/[^@/]*@/, "//***@"), concurrency }));
onShutdown(() => worker.stop());
