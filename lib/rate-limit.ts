import { type PrismaClient } from "@/prisma/generated/prisma/client";

// Counted in the database so every app node sees the same hits.

type Counter = Pick<PrismaClient, "rateLimitHit">;

export type Limit = { bucket: string; key: string; max: number; windowSeconds: number };

/** Seconds until `limit` allows another attempt, or 0 when it allows one now. */
export async function retryAfter(db: Counter, limit: Limit, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - limit.windowSeconds * 1000);
  const hits = await db.rateLimitHit.findMany({
    where: { bucket: limit.bucket, key: limit.key, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: limit.max,
    select: { createdAt: true },
  });
  if (hits.length < limit.max) return 0;
  const oldest = hits[hits.length - 1].createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + limit.windowSeconds * 1000 - now.getTime()) / 1000));
}

export async function recordHit(db: Counter, { bucket, key }: Pick<Limit, "bucket" | "key">): Promise<void> {
  await db.rateLimitHit.create({ data: { bucket, key } });
}

export async function clearHits(db: Counter, { bucket, key }: Pick<Limit, "bucket" | "key">): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { bucket, key } });
}
