import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SessionRevocations, type SessionRef } from "@/lib/auth/revocations";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { primaryDb } from "@/lib/db";
import { createStudio } from "@/prisma/factories";
import { TcpRelay } from "@/scripts/testing/tcp-relay";
import { until } from "@/scripts/testing/until";

// A node's copy of the revocations, listening through a TCP relay in front of the real primary
// that can go silent: a network partition, or a stalled server, closes nothing and says nothing.

const { primaryUrl } = inject("database");
const HEARTBEAT_MS = 500;

/** What the app asks while the copy cannot be trusted: the session's row on the primary. */
async function checkInDatabase({ sessionId }: SessionRef): Promise<boolean> {
  const [row] = await primaryDb().$queryRawUnsafe<{ active: boolean }[]>(
    `SELECT "revokedAt" IS NULL AS active FROM "Session" WHERE id = $1`,
    sessionId,
  );
  return row?.active ?? false;
}

describe("a node's copy of the revocations", () => {
  let relay: TcpRelay;
  let revocations: SessionRevocations;

  beforeAll(async () => {
    relay = await TcpRelay.to(primaryUrl);
    revocations = new SessionRevocations({
      databaseUrl: relay.urlFor(primaryUrl),
      checkInDatabase,
      heartbeatMs: HEARTBEAT_MS,
    }).start();
    await until("the node to listen for revocations", async () => revocations.isListening);
  });
  afterAll(async () => {
    await revocations?.stop();
    await relay?.refuse().catch(() => {});
  });

  it("stops trusting itself when its connection goes silent, so a revocation it never heard of still signs the session out", async () => {
    const { owner } = await createStudio(primaryDb());
    const session = await createSession(primaryDb(), { userId: owner.id });
    const ref = { sessionId: session.id, userId: owner.id, createdAt: session.createdAt.getTime() };
    expect(await revocations.isActive(ref)).toBe(true);

    relay.mode = "silent";
    // Revoked while the notice cannot reach this node.
    await primaryDb().$transaction((tx) => revokeSession(tx, { userId: owner.id, sessionId: session.id }));
    // Within a few heartbeats (two, on an idle machine), not after TCP keepalive's two hours.
    await until("the node to stop trusting its copy", async () => !revocations.isListening, 10 * HEARTBEAT_MS);
    expect(await revocations.isActive(ref)).toBe(false);

    // Back on a new connection, it loads what it missed and trusts its copy again.
    relay.mode = "relay";
    await until("the node to listen again", async () => revocations.isListening, 15_000);
    expect(await revocations.isActive(ref)).toBe(false);
  });
});
