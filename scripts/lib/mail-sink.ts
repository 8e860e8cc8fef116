import path from "node:path";
import { ROOT } from "./paths.ts";
import { startService, waitForHttp, type Service } from "./processes.ts";

export type MailSink = { service: Service | null; smtpUrl: string; webUrl: string | null };

/**
 * A local SMTP sink (maildev) with a page where the demo's emails can be read. Skipped when
 * SMTP_URL points at a real server.
 */
export async function startMailSink(log: (line: string) => void): Promise<MailSink> {
  if (process.env.SMTP_URL) {
    log(`delivering email through SMTP_URL; no local mail sink`);
    return { service: null, smtpUrl: process.env.SMTP_URL, webUrl: null };
  }
  const smtpPort = Number(process.env.SHOOTQ_SMTP_PORT ?? 1025);
  const webPort = Number(process.env.SHOOTQ_MAIL_WEB_PORT ?? 1080);
  const service = startService(
    "mail",
    path.join(ROOT, "node_modules/.bin/maildev"),
    ["--smtp", String(smtpPort), "--web", String(webPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
    process.env,
    { quiet: true },
  );
  const webUrl = `http://localhost:${webPort}`;
  await waitForHttp(`http://127.0.0.1:${webPort}/healthz`, 30_000);
  return { service, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl };
}
