import path from "node:path";
import type { Log } from "./harness.ts";
import { ROOT } from "./paths.ts";
import { assertPortsFree, startService, waitForHttp, type Service } from "./processes.ts";

export type MailSink = {
  service: Service | null;
  smtpUrl: string;
  /** maildev's page and REST API (GET /email lists every message); null when SMTP_URL is real. */
  webUrl: string | null;
};

/**
 * A local SMTP sink (maildev) with a page where the emails can be read. `npm start`, dev and the
 * cluster skip it when SMTP_URL points at a real server; the e2e runs always get their own, on
 * the ports they pass.
 */
export async function startMailSink(opts: {
  log: Log;
  smtpPort?: number;
  webPort?: number;
  useSmtpUrl?: boolean;
}): Promise<MailSink> {
  if (opts.useSmtpUrl !== false && process.env.SMTP_URL) {
    opts.log("delivering email through SMTP_URL; no local mail sink");
    return { service: null, smtpUrl: process.env.SMTP_URL, webUrl: null };
  }
  const smtpPort = opts.smtpPort ?? Number(process.env.SHOOTQ_SMTP_PORT ?? 1025);
  const webPort = opts.webPort ?? Number(process.env.SHOOTQ_MAIL_WEB_PORT ?? 1080);
  await assertPortsFree([
    { port: smtpPort, variable: "SHOOTQ_SMTP_PORT", what: "the mail sink's SMTP port" },
    { port: webPort, variable: "SHOOTQ_MAIL_WEB_PORT", what: "the mail sink's page" },
  ]);
  const service = startService(
    "mail",
    path.join(ROOT, "node_modules/.bin/maildev"),
    ["--smtp", String(smtpPort), "--web", String(webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
    process.env,
    { quiet: true },
  );
  await waitForHttp(`http://127.0.0.1:${webPort}/healthz`, { timeoutMs: 30_000, service });
  return { service, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl: `http://localhost:${webPort}` };
}
