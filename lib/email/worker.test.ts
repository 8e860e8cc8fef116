import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { primaryDb } from "@/lib/db";
import { retryEmail } from "@/lib/email/mutations";
import { serveMetrics } from "@/lib/metrics/serve";
import { queueEmail } from "@/lib/email/outbox";
import { DEFAULT_RETRY_POLICY, enqueueEmailJob, ensureQueueSchema } from "@/lib/email/queue";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/testing/database";
import { until } from "@/scripts/testing/until";
import { startSmtpSink, type SmtpSink } from "@/scripts/testing/smtp-sink";
import { messageIdFor, startEmailWorker, type EmailWorker, type EmailWorkerOptions } from "@/lib/email/worker";
import { z } from "zod";
import { defineEmailKind } from "@/lib/email/kind";
import { findEmailKind } from "@/lib/email/kinds";
import { sendQuestionnaire } from "@/lib/questionnaires/mutations";
import { inviteStaff, revokeInvite } from "@/lib/team/mutations";
import { hashToken } from "@/lib/tokens";
import { setBrandLogo } from "@/lib/brands/logo";
import { solidPng } from "@/scripts/testing/images";
import { createJob, createQuestionnaireTemplate, createStudio, randomSuffix } from "@/prisma/factories";

const databaseUrl = () => process.env.DATABASE_URL!;
const FROM = "ShootQ <no-reply@shootq.test>";
const ORIGIN = "https://app.shootq.test";

let sinks: SmtpSink[] = [];
let workers: EmailWorker[] = [];

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(options);
  sinks.push(s);
  return s;
}

async function worker(smtpUrl: string, concurrency = 2, kinds?: EmailWorkerOptions["kinds"]) {
  const w = await startEmailWorker({
    databaseUrl: databaseUrl(),
    smtpUrl,
    from: FROM,
    origin: ORIGIN,
    concurrency,
    pollingIntervalSeconds: 0.5,
    log: () => {},
    kinds,
  });
  workers.push(w);
  return w;
}

async function queue(studioId: string, count: number) {
  const tag = randomSuffix();
  const ids: string[] = [];
  await primaryDb().$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const { id } = await queueEmail(tx, {
        studioId,
        kind: "system.notice",
        to: `client-${tag}-${i}@example.com`,
        params: { subject: `Hello ${tag} #${i}`, text: "Your gallery is ready." },
      });
      ids.push(id);
    }
  });
  return ids;
}

const emails = (ids: string[]) =>
  primaryDb().emailMessage.findMany({ where: { id: { in: ids } }, orderBy: { to: "asc" } });
const countOf = (list: string[], value: string) => list.filter((v) => v === value).length;
/** An email's history as "KIND detail" lines, oldest first. */
const history = async (emailId: string) =>
  (await primaryDb().emailEvent.findMany({ where: { emailId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((e) =>
    [e.kind, e.detail].filter(Boolean).join(" "),
  );

let studioId: string;
let scratch: ScratchDatabase;

beforeAll(async () => {
  // Workers take every job of their database's queue, and the retry policy is database-wide: this
  // file gets a database of its own so the files running beside it keep their queued emails.
  scratch = await createScratchDatabase(inject("database"), { prefix: "worker", queue: true });
  process.env.DATABASE_URL = scratch.url;
  process.env.DATABASE_REPLICA_URLS = scratch.replicaUrls.join(",");
  studioId = (await createStudio(primaryDb())).studio.id;
});

afterEach(async () => {
  for (const w of workers) await w.stop();
  for (const s of sinks) await s.close();
  workers = [];
  sinks = [];
});

afterAll(async () => {
  await primaryDb().$disconnect();
  await scratch?.drop();
});

describe("email worker", () => {
  it("delivers a queued email over SMTP once, with its deterministic Message-ID, and marks it SENT", async () => {
    const smtp = await sink();
    const [id] = await queue(studioId, 1);
    await worker(smtp.url);
    const [email] = await until("the email to be sent", async () => {
      const rows = await emails([id]);
      return rows[0].status === "SENT" && rows;
    });
    expect(email.sentAt).toBeInstanceOf(Date);
    expect(email.attempts).toBe(1);
    const received = smtp.accepted.filter((m) => m.messageId === messageIdFor(id));
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual([email.to]);
    expect(received[0].subject).toBe(email.subject);
  });

  it("counts each delivery in the worker's metrics, served on a loopback port", async () => {
    const server = await serveMetrics(0);
    const { port } = server.address() as AddressInfo;
    const sent = async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      return Number(/^shootq_email_deliveries_total\{outcome="sent"\} (\S+)$/m.exec(text)?.[1] ?? 0);
    };
    try {
      const before = await sent();
      const smtp = await sink();
      const ids = await queue(studioId, 2);
      await worker(smtp.url);
      await until("both emails to be sent", async () => (await emails(ids)).every((e) => e.status === "SENT"));
      expect((await sent()) - before).toBeGreaterThanOrEqual(2);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it("queues nothing, neither the row nor its job, when the causing transaction rolls back", async () => {
    let queuedId = "";
    await expect(
      primaryDb().$transaction(async (tx) => {
        queuedId = (
          await queueEmail(tx, {
            studioId,
            kind: "system.notice",
            to: "nobody@example.com",
            params: { subject: "Never", text: "Never" },
          })
        ).id;
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(queuedId).not.toBe("");
    expect(await primaryDb().emailMessage.count({ where: { id: queuedId } })).toBe(0);
    const jobs = await primaryDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'emailId' = $1`,
      queuedId,
    );
    expect(jobs[0].n).toBe(0);
  });

  it("commits the delivery job with the email, so a worker started later still sends it", async () => {
    const [id] = await queue(studioId, 1);
    const jobs = await primaryDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND data->>'emailId' = $1`,
      id,
    );
    expect(jobs[0].n).toBe(1);
    const smtp = await sink();
    await worker(smtp.url);
    await until("the email to be sent", async () => (await emails([id]))[0].status === "SENT");
    expect(
      countOf(
        smtp.accepted.map((m) => m.messageId),
        messageIdFor(id),
      ),
    ).toBe(1);
  });

  for (const refuse of ["rcpt", "data"] as const) {
    it(`marks emails FAILED after their retries when the server refuses at ${refuse.toUpperCase()}, losing none and sending none twice`, async () => {
      await ensureQueueSchema(databaseUrl(), { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 30 });
      try {
        const smtp = await sink({ refuse });
        const ids = await queue(studioId, 3);
        await worker(smtp.url);
        const rows = await until("every email to fail", async () => {
          const list = await emails(ids);
          return list.every((e) => e.status === "FAILED") && list;
        });
        for (const email of rows) {
          expect(email.attempts).toBe(3);
          expect(email.sentAt).toBeNull();
          expect(email.lastError).toMatch(refuse === "rcpt" ? /550/ : /554/);
          if (refuse === "rcpt") expect(countOf(smtp.recipientsOffered, email.to)).toBe(3);
          else expect(countOf(smtp.dataOffered, messageIdFor(email.id))).toBe(3);
        }
        expect(smtp.accepted.filter((m) => ids.some((id) => m.messageId === messageIdFor(id)))).toEqual([]);
        const notes = await primaryDb().notification.findMany({
          where: { studioId, kind: "email.failed", link: "/emails", message: { contains: rows[0].to } },
        });
        expect(notes).toHaveLength(1);
        // The dead-letter pass that follows the last failure leaves the FAILED rows as they are.
        await new Promise((r) => setTimeout(r, 1500));
        expect((await emails(ids)).map((e) => [e.status, e.attempts])).toEqual(rows.map(() => ["FAILED", 3]));
        // Each email's history: queued, each attempt with the server's answer, then given up, once.
        for (const email of rows)
          expect(await history(email.id)).toEqual([
            "QUEUED",
            `ATTEMPT_FAILED ${email.lastError}`,
            `ATTEMPT_FAILED ${email.lastError}`,
            `ATTEMPT_FAILED ${email.lastError}`,
            "FAILED",
          ]);
      } finally {
        await ensureQueueSchema(databaseUrl(), DEFAULT_RETRY_POLICY);
      }
    });
  }

  it("delivers a failed email once it is retried", async () => {
    const [id] = await queue(studioId, 1);
    await primaryDb().emailMessage.update({
      where: { id },
      data: { status: "FAILED", attempts: 5, lastError: "550 Mailbox unavailable" },
    });
    const smtp = await sink();
    await worker(smtp.url);
    // The original job finds the email FAILED and leaves it alone.
    await until("the first job to finish", async () => {
      const [row] = await primaryDb().$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND data->>'emailId' = $1 AND state = 'completed'`,
        id,
      );
      return row.n === 1;
    });
    expect((await emails([id]))[0].status).toBe("FAILED");
    await primaryDb().$transaction((tx) => retryEmail(tx, { studioId, emailId: id }));
    const [email] = await until("the retried email to be sent", async () => {
      const rows = await emails([id]);
      return rows[0].status === "SENT" && rows;
    });
    expect(email.attempts).toBe(6);
    expect(
      countOf(
        smtp.accepted.map((m) => m.messageId),
        messageIdFor(id),
      ),
    ).toBe(1);
    expect(await history(id)).toEqual(["QUEUED", "REQUEUED", "SENT"]);
  });

  it("sends nothing twice when the worker is restarted half-way through a batch", async () => {
    const smtp = await sink({ dataDelayMs: 150 });
    const ids = await queue(studioId, 12);
    const first = await worker(smtp.url, 2);
    const mine = () => smtp.accepted.filter((m) => ids.some((id) => m.messageId === messageIdFor(id)));
    await until("a few emails to go out", async () => mine().length >= 3);
    await first.stop();
    workers = workers.filter((w) => w !== first);
    // A graceful stop finishes every job it fetched: none is left active, waiting to expire.
    const [active] = await primaryDb().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND state = 'active' AND data->>'emailId' = ANY($1::text[])`,
      ids,
    );
    expect(active.n).toBe(0);
    const sentBeforeRestart = mine().length;
    expect(sentBeforeRestart).toBeLessThan(12);
    await worker(smtp.url, 2);
    await until("every email to be sent", async () => (await emails(ids)).every((e) => e.status === "SENT"));
    const messageIds = mine().map((m) => m.messageId);
    expect(messageIds).toHaveLength(12);
    expect(new Set(messageIds).size).toBe(12);
    expect((await emails(ids)).every((e) => e.attempts === 1)).toBe(true);
  });

  it("sends once when the same email is handed to two workers at the same time (a redelivered job)", async () => {
    const smtp = await sink({ dataDelayMs: 400 });
    const [id] = await queue(studioId, 1);
    await primaryDb().$transaction((tx) => enqueueEmailJob(tx, id));
    await Promise.all([worker(smtp.url, 1), worker(smtp.url, 1)]);
    await until("the email to be sent", async () => (await emails([id]))[0].status === "SENT");
    await until("both jobs to finish", async () => {
      const [row] = await primaryDb().$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND data->>'emailId' = $1 AND state = 'completed'`,
        id,
      );
      return row.n === 2;
    });
    expect(countOf(smtp.dataOffered, messageIdFor(id))).toBe(1);
    expect(
      countOf(
        smtp.accepted.map((m) => m.messageId),
        messageIdFor(id),
      ),
    ).toBe(1);
  });

  it("renders at send time: the outbox holds no link, the email carries one that opens the invitation", async () => {
    const smtp = await sink();
    const { studio, owner } = await createStudio(primaryDb());
    const to = `invitee-${randomSuffix()}@example.com`;
    const { inviteId } = await primaryDb().$transaction((tx) =>
      inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: to }),
    );
    const row = await primaryDb().emailMessage.findFirstOrThrow({ where: { studioId: studio.id, to } });
    expect(row.params).toEqual({ inviteId });
    expect(JSON.stringify(row)).not.toMatch(/https?:|\/invite\//);

    await worker(smtp.url);
    await until("the invitation to be sent", async () => (await emails([row.id]))[0].status === "SENT");
    const [message] = smtp.accepted.filter((m) => m.messageId === messageIdFor(row.id));
    const { text } = await message.parse();
    const link = /https:\/\/app\.shootq\.test\/invite\/([A-Za-z0-9_-]{43})/.exec(text ?? "");
    expect(link, text).not.toBeNull();
    expect((await primaryDb().invite.findUniqueOrThrow({ where: { id: inviteId } })).tokenHash).toBe(
      hashToken(link![1]),
    );
  });

  it("sends a client's email in the brand's name with replies to the studio's owner, the envelope staying the platform's", async () => {
    const smtp = await sink();
    const { studio, owner, brands } = await createStudio(primaryDb(), {
      brands: ["Lumen & Lace", "Northlight Portraits"],
    });
    const northlight = brands.find((b) => b.name === "Northlight Portraits")!;
    const job = await createJob(primaryDb(), { studioId: studio.id, brandId: northlight.id });
    const template = await createQuestionnaireTemplate(primaryDb(), { studioId: studio.id });
    await primaryDb().$transaction((tx) =>
      sendQuestionnaire(tx, { studioId: studio.id, jobId: job.id, templateId: template.id }),
    );
    const invitee = `invitee-${randomSuffix()}@example.com`;
    await primaryDb().$transaction((tx) => inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: invitee }));
    const [notice] = await queue(studio.id, 1);
    const rows = await primaryDb().emailMessage.findMany({
      where: { studioId: studio.id },
      select: { id: true, to: true },
    });
    expect(rows).toHaveLength(3);

    await worker(smtp.url);
    await until("the three emails to be sent", async () =>
      (await emails(rows.map((r) => r.id))).every((e) => e.status === "SENT"),
    );
    const received = async (to: string) => {
      const message = smtp.accepted.find((m) => m.to.includes(to))!;
      const parsed = await message.parse();
      return { mailFrom: message.mailFrom, from: parsed.from?.value, replyTo: parsed.replyTo?.value };
    };
    expect(await received(job.contact.email!)).toEqual({
      mailFrom: "no-reply@shootq.test",
      from: [{ name: "Northlight Portraits", address: "no-reply@shootq.test" }],
      replyTo: [{ name: "", address: owner.email }],
    });
    expect(await received(invitee)).toEqual({
      mailFrom: "no-reply@shootq.test",
      from: [{ name: studio.name, address: "no-reply@shootq.test" }],
      replyTo: [{ name: "", address: owner.email }],
    });
    // A platform notice keeps MAIL_FROM as it is, and has no Reply-To.
    const noticeTo = rows.find((r) => r.id === notice)!.to;
    expect(await received(noticeTo)).toEqual({
      mailFrom: "no-reply@shootq.test",
      from: [{ name: "ShootQ", address: "no-reply@shootq.test" }],
      replyTo: undefined,
    });
  });

  it("heads a brand's email with the brand's logo as an inline image, and another brand's with its name alone", async () => {
    const smtp = await sink();
    const { studio, brands } = await createStudio(primaryDb(), { brands: ["Lumen & Lace", "Northlight Portraits"] });
    const [lumen, northlight] = brands;
    const logo = solidPng(300, 100);
    await primaryDb().$transaction((tx) =>
      setBrandLogo(tx, { studioId: studio.id, brandId: northlight.id, bytes: logo }),
    );
    const template = await createQuestionnaireTemplate(primaryDb(), { studioId: studio.id });
    const jobs = [
      await createJob(primaryDb(), { studioId: studio.id, brandId: northlight.id }),
      await createJob(primaryDb(), { studioId: studio.id, brandId: lumen.id }),
    ];
    for (const job of jobs)
      await primaryDb().$transaction((tx) =>
        sendQuestionnaire(tx, { studioId: studio.id, jobId: job.id, templateId: template.id }),
      );
    const rows = await primaryDb().emailMessage.findMany({ where: { studioId: studio.id }, select: { id: true } });
    await worker(smtp.url);
    await until("both emails to be sent", async () =>
      (await emails(rows.map((r) => r.id))).every((e) => e.status === "SENT"),
    );
    const received = (job: (typeof jobs)[number]) =>
      smtp.accepted.find((m) => m.to.includes(job.contact.email!))!.parse();

    const branded = await received(jobs[0]);
    expect(
      branded.attachments.map((a) => ({
        cid: a.cid,
        type: a.contentType,
        inline: a.contentDisposition,
        bytes: a.content,
      })),
    ).toEqual([{ cid: "brand-logo@shootq", type: "image/png", inline: "inline", bytes: logo }]);
    // Shown at most 48 pixels high, above the brand's name.
    expect(branded.html).toMatch(/<img[^>]*src="cid:brand-logo@shootq"[^>]*width="144"[^>]*height="48"/);
    expect(branded.html).not.toContain('rel="preload"');
    expect(String(branded.html).indexOf("cid:brand-logo")).toBeLessThan(
      String(branded.html).indexOf("Northlight Portraits"),
    );

    const plain = await received(jobs[1]);
    expect(plain.attachments).toEqual([]);
    expect(plain.html).not.toContain("<img");
    expect(plain.html).toContain("Lumen &amp; Lace");
  });

  it("cancels, without sending, an invitation withdrawn before the worker got to it", async () => {
    const smtp = await sink();
    const { studio, owner } = await createStudio(primaryDb());
    const to = `withdrawn-${randomSuffix()}@example.com`;
    const { inviteId } = await primaryDb().$transaction((tx) =>
      inviteStaff(tx, { studioId: studio.id, invitedBy: owner, email: to }),
    );
    await primaryDb().$transaction((tx) => revokeInvite(tx, { studioId: studio.id, inviteId }));
    const { id } = await primaryDb().emailMessage.findFirstOrThrow({ where: { studioId: studio.id, to } });
    await worker(smtp.url);
    const [email] = await until("the email to be cancelled", async () => {
      const rows = await emails([id]);
      return rows[0].status === "CANCELLED" && rows;
    });
    expect(email.sentAt).toBeNull();
    expect(await history(id)).toEqual(["QUEUED", `NOT_SENT ${email.lastError}`]);
    expect(email.lastError).toBeTruthy();
    expect(smtp.recipientsOffered).not.toContain(to);
    expect(await primaryDb().notification.count({ where: { studioId: studio.id, kind: "email.failed" } })).toBe(0);
  });

  it("attaches what a kind builds at send time, and only then", async () => {
    let built = 0;
    const withReceipt = defineEmailKind({
      params: z.object({ subject: z.string(), text: z.string() }),
      render: async (_ctx, p) => p,
      attachments: async (_ctx, p) => {
        built++;
        return [{ filename: "receipt.txt", contentType: "text/plain", content: `Receipt for ${p.subject}` }];
      },
    });
    const smtp = await sink();
    const [id] = await queue(studioId, 1);
    expect(built).toBe(0);
    await worker(smtp.url, 1, (kind) => (kind === "system.notice" ? withReceipt : findEmailKind(kind)));
    await until("the email to be sent", async () => (await emails([id]))[0].status === "SENT");
    const [message] = smtp.accepted.filter((m) => m.messageId === messageIdFor(id));
    const parsed = await message.parse();
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ["receipt.txt", "text/plain", `Receipt for ${message.subject}`],
    ]);
    expect(built).toBe(1);
  });

  it("delivers an email queued before the upgrade from its stored text, then erases that text", async () => {
    const smtp = await sink();
    const to = `legacy-${randomSuffix()}@example.com`;
    const { id } = await primaryDb().emailMessage.create({
      data: {
        studioId,
        kind: "legacy.text",
        to,
        subject: "Your invitation",
        params: { subject: "Your invitation", text: "Join: https://old.example/invite/abc" },
      },
    });
    await primaryDb().$transaction((tx) => enqueueEmailJob(tx, id));
    await worker(smtp.url);
    const [email] = await until("the legacy email to be sent", async () => {
      const rows = await emails([id]);
      return rows[0].status === "SENT" && rows;
    });
    expect(email.params).toEqual({});
    const [message] = smtp.accepted.filter((m) => m.messageId === messageIdFor(id));
    expect((await message.parse()).text).toContain("https://old.example/invite/abc");
  });
});
