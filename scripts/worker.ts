// The email worker (the "services" process): delivers the outbox over SMTP. Run with
// `tsx scripts/worker.ts`; needs DATABASE_URL (the primary), SMTP_URL and MAIL_FROM.
import { env } from "../lib/env.ts";
import { ensureQueueSchema } from "../lib/email/queue.ts";
import { startEmailWorker } from "../lib/email/worker.ts";
import { onShutdown } from "./lib/processes.ts";

const { DATABASE_URL, SMTP_URL, MAIL_FROM } = env();
const concurrency = Number(process.env.EMAIL_WORKER_CONCURRENCY ?? 4);

await ensureQueueSchema(DATABASE_URL);
const worker = await startEmailWorker({ databaseUrl: DATABASE_URL, smtpUrl: SMTP_URL, from: MAIL_FROM, concurrency });
console.log(JSON.stringify({ msg: "email worker started", smtp: SMTP_URL.replace(/\/\/[^@/]*@/, "//***@"), concurrency }));
onShutdown(() => worker.stop());
