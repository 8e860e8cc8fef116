import { stopEverythingOnSigterm } from "../../scripts/lib/lifecycle";
import { assertPortsFree, freePort } from "../../scripts/lib/processes";
import { startMailSink } from "../../scripts/lib/mail-sink";
import { startBackgroundServices } from "../../scripts/lib/services";
import { startTestDatabase, type TestDatabase } from "../../scripts/testing/database";
import { logEveryStatement } from "../../scripts/testing/studio-scope";
import { standInEnv, startStripeStandIn } from "../../scripts/testing/stripe-stand-in";

export type E2eBackend = { db: TestDatabase; env: NodeJS.ProcessEnv };

/** The specs render queued emails as the worker does: same public URL, same link secret. */
const LINK_SECRET = "e2e-link-secret-0123456789abcdefghijklmn";
/** Specs that read /api/health's details send it, as an operator would. */
const OPERATOR_TOKEN = "e2e-operator-token-0123456789";

/**
 * What both e2e setups run behind the app: a primary and a streaming replica applying WAL
 * `replicaDelay` late, a real SMTP sink (maildev) that specs read through the `mailbox` fixture,
 * and, unless the app cluster runs them itself, the background services (the email worker), so a
 * queued email really arrives, and the offline Stripe stand-in, so a client pays by "card" with real
 * signed webhooks. Specs and fixtures find them through the variables set here.
 */
export async function startE2eBackend(opts: {
  appUrl: string;
  /** The variable that moves the app's port, named when the port is taken. */
  portVariable: string;
  replicaDelay: string;
  services: boolean;
}): Promise<E2eBackend> {
  const log = (line: string) => console.log(`[e2e] ${line}`);
  stopEverythingOnSigterm();
  // A run killed earlier could still hold the port, and would then answer this run's specs.
  await assertPortsFree([
    { port: Number(new URL(opts.appUrl).port), variable: opts.portVariable, what: "the e2e app" },
  ]);
  const db = await startTestDatabase([opts.replicaDelay]);
  await logEveryStatement(db);
  const mail = await startMailSink({ log, smtpPort: await freePort(), webPort: await freePort(), useSmtpUrl: false });
  const stripe = await startStripeStandIn({ webhookUrl: `${opts.appUrl}/api/payments/webhook` });
  Object.assign(process.env, {
    DATABASE_URL: db.primaryUrl,
    DATABASE_REPLICA_URLS: db.replicaUrls.join(","),
    APP_URL: opts.appUrl,
    LINK_SECRET,
    OPERATOR_TOKEN,
    SHOOTQ_MAILBOX_URL: mail.webUrl,
    // The worker receives bounce reports here; specs play the recipient's server sending one.
    BOUNCE_ADDRESS: "bounces@shootq.test",
    BOUNCE_SMTP_PORT: String(await freePort()),
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM: "ShootQ <no-reply@shootq.test>",
    SESSION_SECRET: "e2e-session-secret-0123456789abcdefghijkl",
    NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdefghijk",
    NEXTAUTH_URL: opts.appUrl,
    SECURE_COOKIES: "false",
    // Specs register webhooks to receivers they start on this machine (the production build refuses "1").
    WEBHOOKS_ALLOW_PRIVATE: "always",
    // Every spec's browser reaches the app from one address: the suite sends more inquiries than
    // one visitor may in an hour (lib/inquiries/mutations.test.ts tests the limit itself).
    INQUIRY_LIMIT_PER_HOUR: "100",
    ...standInEnv(stripe),
  };
  if (opts.services) startBackgroundServices({ env, log, quiet: true });
  return { db, env };
}
