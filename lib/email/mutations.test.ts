import { describe, expect, it } from "vitest";
import { dbForHost, primaryDb, type Tx } from "@/lib/db";
import { retryEmail } from "@/lib/email/mutations";
import { queueEmail } from "@/lib/email/outbox";
import { countWhatsNew } from "@/lib/dashboard/queries";
import { createStudio } from "@/prisma/factories";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => primaryDb().$transaction(fn);
const db = () => primaryDb();

async function studioWithEmail(status: "QUEUED" | "SENT" | "FAILED") {
  const { studio } = await createStudio(db());
  const { id } = await inTx((tx) =>
    queueEmail(tx, {
      studioId: studio.id,
      kind: "system.notice",
      to: "client@example.com",
      params: { subject: "Hello", text: "Hi" },
    }),
  );
  await db().emailMessage.update({
    where: { id },
    data: { status, attempts: 5, lastError: status === "FAILED" ? "550 Mailbox unavailable" : null },
  });
  return { studioId: studio.id, emailId: id };
}

/** What the dashboard's failed-email banner is shown by. */
const hasFailedEmails = async (studioId: string) =>
  (await countWhatsNew(dbForHost("primary"), { studioId, from: new Date(), currency: "USD" })).hasFailedEmails;

const jobCount = async (emailId: string) =>
  (
    await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email' AND data->>'emailId' = $1`,
      emailId,
    )
  )[0].n;

describe("retrying a failed email", () => {
  it("puts it back in the queue with a new delivery job", async () => {
    const { studioId, emailId } = await studioWithEmail("FAILED");
    expect(await hasFailedEmails(studioId)).toBe(true);
    await inTx((tx) => retryEmail(tx, { studioId, emailId }));
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({
      status: "QUEUED",
      lastError: null,
    });
    expect(await jobCount(emailId)).toBe(2);
    expect(await hasFailedEmails(studioId)).toBe(false);
  });

  it("refuses another studio's email with NOT_FOUND and leaves it failed", async () => {
    const { emailId } = await studioWithEmail("FAILED");
    const other = await studioWithEmail("FAILED");
    await expect(inTx((tx) => retryEmail(tx, { studioId: other.studioId, emailId }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status).toBe("FAILED");
    expect(await jobCount(emailId)).toBe(1);
  });

  it("refuses an email that was sent or is still queued, queueing nothing", async () => {
    for (const status of ["SENT", "QUEUED"] as const) {
      const { studioId, emailId } = await studioWithEmail(status);
      await expect(inTx((tx) => retryEmail(tx, { studioId, emailId }))).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await db().emailMessage.findUniqueOrThrow({ where: { id: emailId } })).status).toBe(status);
      expect(await jobCount(emailId)).toBe(1);
    }
  });
});
