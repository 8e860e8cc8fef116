import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { startEmailWorker, type EmailWorker } from "@/lib/email/worker";
import { createStudio, randomSuffix } from "@/prisma/factories";
import { deliveryReport, sendToBounceReceiver, type ReportOptions } from "@/scripts/testing/delivery-report";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { startSmtpSink, type SmtpSink } from "@/scripts/testing/smtp-sink";
import { until } from "@/scripts/testing/until";

// A real worker sends through a real SMTP sink with each email's own envelope sender; the
// recipient's server (played here by nodemailer) later returns one with a delivery status
// notification (RFC 3464) to that address, at the worker's real bounce receiver.

const BOUNCES = "bounces@mail.shootq.test";
const SECRET = "bounce-test-secret-0123456789abcdefghijkl";

let scratch: ScratchDatabase;
let sink: SmtpSink;
let worker: EmailWorker;
let studioId: string;

beforeAll(async () => {
  // The worker takes every job of its database's queue: this file gets a database of its own.
  scratch = await createScratchDatabase(inject("database"), { prefix: "bounces", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
  studioId = (await createStudio(primaryDb())).studio.id;
  sink = await startSmtpSink();
  worker = await startEmailWorker({
    databaseUrl: scratch.url,
    smtpUrl: sink.url,
    from: "ShootQ <no-reply@shootq.test>",
    origin: "https://app.shootq.test",
    pollingIntervalSeconds: 0.5,
    log: () => {},
    bounces: { address: BOUNCES, secret: SECRET, port: 0 },
  });
});

afterAll(async () => {
  await worker?.stop();
  await sink?.close();
  await primaryDb().$disconnect();
  await scratch?.drop();
});

/** Queues one email and waits until the sink has it: its row id and the envelope sender it went out with. */
async function sent(): Promise<{ id: string; to: string; envelopeFrom: string }> {
  const to = `client-${randomSuffix()}@example.com`;
  const { id } = await primaryDb().$transaction((tx) =>
    queueEmail(tx, { studioId, kind: "system.notice", to, params: { subject: "Your gallery", text: "It is ready." } }),
  );
  const message = await until("the email to reach the sink", async () => sink.accepted.find((m) => m.to.includes(to)));
  await until("the email to be marked sent", async () =>
    (await primaryDb().emailMessage.findUniqueOrThrow({ where: { id } })).status === "SENT" ? true : null,
  );
  return { id, to, envelopeFrom: message.mailFrom };
}

const report = (to: string, options?: ReportOptions) =>
  deliveryReport({ recipient: to, bounceAddress: BOUNCES }, options);
const deliverReport = (rcpt: string, raw: string) => sendToBounceReceiver(worker.bouncePort!, rcpt, raw);

const history = async (emailId: string) =>
  (await primaryDb().emailEvent.findMany({ where: { emailId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((e) =>
    [e.kind, e.detail].filter(Boolean).join(" "),
  );

describe("bounces", () => {
  it("sends each email from its own signed bounce address on the platform's domain", async () => {
    const a = await sent();
    const b = await sent();
    expect(a.envelopeFrom).toMatch(/^bounces\+[0-9a-f-]{36}\.[0-9a-f]{16}@mail\.shootq\.test$/);
    expect(a.envelopeFrom).toContain(a.id);
    expect(b.envelopeFrom).not.toBe(a.envelopeFrom);
  });

  it("marks the email bounced with the server's words, tells the studio, and takes the same report twice as once", async () => {
    const email = await sent();
    await deliverReport(email.envelopeFrom, report(email.to));
    await deliverReport(email.envelopeFrom, report(email.to));

    const row = await primaryDb().emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({
      status: "BOUNCED",
      lastError: `5.1.1 550 5.1.1 <${email.to}>: Recipient address rejected: User unknown`,
    });
    expect(await history(email.id)).toEqual([
      "QUEUED",
      "SENT",
      `BOUNCED 5.1.1 550 5.1.1 <${email.to}>: Recipient address rejected: User unknown`,
    ]);
    const notices = await primaryDb().notification.findMany({
      where: { studioId, kind: "email.bounced", message: { contains: email.to } },
    });
    expect(notices).toHaveLength(1);
  });

  it("leaves the email sent for a delay warning or a message that is no report", async () => {
    const email = await sent();
    await deliverReport(email.envelopeFrom, report(email.to, { action: "delayed", status: "4.4.1" }));
    await deliverReport(
      email.envelopeFrom,
      `From: ${email.to}\r\nTo: ${BOUNCES}\r\nSubject: Out of office\r\n\r\nI am away until Monday.\r\n`,
    );
    expect((await primaryDb().emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("SENT");
    expect(await history(email.id)).toEqual(["QUEUED", "SENT"]);
  });

  it("refuses mail for any address it did not sign, so nobody can mark another email bounced", async () => {
    const email = await sent();
    const forged = email.envelopeFrom.replace(/\.[0-9a-f]{16}@/, ".0000000000000000@");
    await expect(deliverReport(forged, report(email.to))).rejects.toThrow(/550/);
    await expect(deliverReport(BOUNCES, report(email.to))).rejects.toThrow(/550/);
    await expect(deliverReport(`someone@example.com`, report(email.to))).rejects.toThrow(/550/);
    expect((await primaryDb().emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("SENT");
  });
});
