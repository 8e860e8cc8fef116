import "server-only";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { readPrimaryLsn } from "@/lib/db";
import { env } from "@/lib/env";
import { isReplayedEverywhere, replicaMonitor } from "@/lib/replication/monitor";
import { encodePin, newPinName, readPinCookies, scopeFor, unionScopes } from "@/lib/replication/pins";
import { addFlash, cookieOptions, signingSecrets } from "@/lib/session";

/**
 * The one way to finish a write: revalidates `paths` and pins them to the primary's WAL position
 * after the commit, in a cookie of this write's own (lib/replication/pins.ts). Until a replica has
 * replayed that position (or the pin expires), requests for those pages read from the primary, on
 * whichever node. Call it only after the transaction has committed. `flash` is a one-shot message
 * for the next page. Returns the pinned position: API clients keep no cookies and carry it back
 * themselves (lib/api/read-after.ts).
 *
 * Residual window: none for the pages a write lists, seen from the browser that made it, once its
 * response has arrived. A replica in rotation is at most REPLICA_MAX_LAG_SECONDS (30 s) behind,
 * measured conservatively and at most 1 s old, and a pin lives READ_PIN_SECONDS (60 s, refused
 * unless longer than that lag + 1 s), so no pin expires before every replica in rotation has the
 * write, even with up to 29 s of clock skew between nodes. What remains: a request sent before the
 * write's response arrived cannot carry its pin, and while the primary is down a pinned page is
 * read from the freshest replica (lib/replication/routing.ts).
 */
export async function revalidate(paths: string[], { flash }: { flash?: string } = {}): Promise<string | null> {
  const unique = [...new Set(paths)];
  for (const path of unique) revalidatePath(path === "*" ? "/" : path, path === "*" ? "layout" : undefined);
  if (flash) await addFlash({ kind: "success", message: flash });
  if (unique.length === 0 || env().DATABASE_REPLICA_URLS.length === 0) return null;

  const store = await cookies();
  const secrets = signingSecrets();
  const { live, dead } = readPinCookies(store.getAll(), secrets);
  // Both after the commit, so neither waits for the other. If the position cannot be read (the
  // primary went away right after the commit), the pin has none: the routing sends its pages to
  // the primary while it answers.
  const [health, lsn] = await Promise.all([
    replicaMonitor()
      .health()
      .catch(() => null),
    readPrimaryLsn().catch(() => null),
  ]);
  // The carried pins' writes committed before this request began: this write's position, read
  // after its own commit, covers them, so their pages fold into this pin. Pins every replica has
  // replayed are simply dropped.
  const carried = live.filter((p) => !health || !isReplayedEverywhere(health, p.lsn));
  const exp = Math.floor(Date.now() / 1000) + env().READ_PIN_SECONDS;
  const pin = { lsn, exp, scope: unionScopes([scopeFor(unique), ...carried.map((p) => p.scope)]) };
  for (const name of [...dead, ...live.map((p) => p.name)]) store.delete(name);
  store.set(newPinName(), encodePin(pin, secrets[0]), cookieOptions(env().READ_PIN_SECONDS));
  return lsn;
}
