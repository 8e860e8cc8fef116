import { type Tx } from "../../lib/db.ts";
import { renderOutboxEmail } from "../../lib/email/render.ts";
import { type PrismaClient } from "../../prisma/generated/prisma/client.ts";
import { type Prisma } from "../../prisma/generated/prisma/client.ts";

export type QueuedEmail = { id: string; to: string; subject: string; text: string; html?: string; status: string };

/**
 * The newest outbox email matching `where`, rendered exactly as the worker would send it now
 * (links included), for tests that follow an emailed link without running the worker.
 */
export async function renderQueuedEmail(
  client: { emailMessage: unknown },
  where: Prisma.EmailMessageWhereInput,
): Promise<QueuedEmail> {
  // Any Prisma client of this schema (the app's, which omits password hashes, or a test's own).
  const db = client as PrismaClient;
  const row = await db.emailMessage.findFirstOrThrow({ where, orderBy: { createdAt: "desc" } });
  const origin = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const rendered = await renderOutboxEmail(db as unknown as Tx, row, { origin });
  if (!rendered.ok) throw new Error(`the ${row.kind} email to ${row.to} no longer applies: ${rendered.reason}`);
  return {
    id: row.id,
    to: row.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    status: row.status,
  };
}
