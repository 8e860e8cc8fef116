import { type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
// Relative imports: the worker runs under tsx from any working directory, without the "@/" alias.
import { errorText } from "../queues";
import { type ServiceDb } from "../service-db";
import { emailIdFromBounceAddress, readDeliveryReport, recordBounce } from "./bounces";

export type BounceReceiverOptions = {
  db: ServiceDb;
  /** BOUNCE_ADDRESS: the base of every email's envelope sender. */
  bounceAddress: string;
  secret: string;
  port: number;
  host?: string;
  log: (entry: Record<string, unknown>) => void;
};

export type BounceReceiver = { port: number; stop(): Promise<void> };

/** Reports are small; anything bigger is not one (a report quotes at most the returned headers). */
const MAX_REPORT_BYTES = 512 * 1024;

/**
 * The SMTP server bounces arrive at (the MX of BOUNCE_ADDRESS's domain, or a relay's forward). It
 * takes mail only for addresses the worker signed, so it is no open inbox: any other recipient is
 * refused at RCPT. A delivery status notification saying "failed" marks its email bounced; any
 * other message to a signed address (a delay warning, an auto-reply) is accepted and dropped.
 */
export async function startBounceReceiver(options: BounceReceiverOptions): Promise<BounceReceiver> {
  const { db, bounceAddress, secret, log } = options;
  const server = new SMTPServer({
    name: "shootq-bounces",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_REPORT_BYTES,
    banner: "ShootQ bounce receiver",
    onRcptTo(address, _session, callback) {
      if (emailIdFromBounceAddress(address.address, bounceAddress, secret)) return callback();
      const refusal = new Error("No such recipient here") as Error & { responseCode: number };
      refusal.responseCode = 550;
      callback(refusal);
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        if (stream.sizeExceeded) {
          const tooBig = new Error("Too big for a delivery report") as Error & { responseCode: number };
          tooBig.responseCode = 552;
          return callback(tooBig);
        }
        const report = await readDeliveryReport(Buffer.concat(chunks));
        for (const rcpt of session.envelope.rcptTo) {
          const emailId = emailIdFromBounceAddress(rcpt.address, bounceAddress, secret)!;
          const outcome = report?.action === "failed" ? await recordBounce(db, { emailId, report }) : "ignored";
          log({ msg: "email bounce report", emailId, action: report?.action ?? null, outcome });
        }
        callback();
      })().catch((error) => {
        // Not recorded (the database away): a temporary failure, so the reporting server tries again.
        log({ msg: "email bounce report failed", error: errorText(error) });
        const retry = new Error("Try again later") as Error & { responseCode: number };
        retry.responseCode = 451;
        callback(retry);
      });
    },
  });
  server.on("error", (error) => log({ msg: "bounce receiver error", error: errorText(error) }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
