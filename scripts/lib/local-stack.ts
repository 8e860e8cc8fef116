import { prepareDatabase, provideDatabase, type Database } from "./database.ts";
import type { Log } from "./harness.ts";
import { startMailSink, type MailSink } from "./mail-sink.ts";
import { localSecrets } from "./paths.ts";
import { freePort } from "./processes.ts";
import { standInEnv, startStripeStandIn } from "../testing/stripe-stand-in.ts";

export type LocalStack = {
  db: Database;
  mail: MailSink;
  /** What the app and the background services get: database URLs, secrets, public URL, SMTP. */
  env: NodeJS.ProcessEnv;
};

/**
 * What `npm start`, `npm run dev` and `npm run start:cluster` run before the app: PostgreSQL
 * (embedded primary and replicas unless DATABASE_URL is set), migrations and the demo seed, and a
 * mail sink (unless SMTP_URL is set); with SHOOTQ_FAKE_PAYMENTS=1, the offline Stripe stand-in so
 * clients can "pay by card" with nothing leaving the machine. Everything it starts stops with the harness.
 */
export async function startLocalStack(opts: { log: Log; url: string; replicas?: number }): Promise<LocalStack> {
  const db = await provideDatabase({ log: opts.log, replicas: opts.replicas });
  await prepareDatabase(db.primaryUrl, opts.log);
  const mail = await startMailSink({ log: opts.log });
  const env: NodeJS.ProcessEnv = {
    ...localSecrets(),
    ...process.env,
    DATABASE_URL: db.primaryUrl,
    DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
    NEXTAUTH_URL: opts.url,
    APP_URL: opts.url,
    SMTP_URL: mail.smtpUrl,
  };
  // With the local mail sink, the worker also takes bounce reports (lib/email/bounce-receiver.ts) on
  // a port of its own; with a real SMTP_URL, BOUNCE_ADDRESS and BOUNCE_SMTP_PORT are the operator's.
  if (mail.webUrl && !process.env.BOUNCE_ADDRESS) {
    env.BOUNCE_ADDRESS = "bounces@shootq.local";
    env.BOUNCE_SMTP_PORT = process.env.BOUNCE_SMTP_PORT ?? String(await freePort());
    opts.log(`bounce reports: smtp://127.0.0.1:${env.BOUNCE_SMTP_PORT} (for ${env.BOUNCE_ADDRESS})`);
  }
  if (process.env.SHOOTQ_FAKE_PAYMENTS === "1") {
    const stripe = await startStripeStandIn({
      webhookUrl: `${opts.url}/api/payments/webhook`,
      port: Number(process.env.SHOOTQ_FAKE_PAYMENTS_PORT ?? 0),
    });
    Object.assign(env, standInEnv(stripe));
    opts.log(`fake card payments: the Stripe stand-in at ${stripe.url}`);
  }
  return { db, mail, env };
}
