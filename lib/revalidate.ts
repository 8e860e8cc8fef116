import "server-only";
import { revalidatePath } from "next/cache";
import { replicaMonitor } from "@/lib/replication/monitor";
import { env } from "@/lib/env";
import { getAppSession, prunePins } from "@/lib/session";

const UNREACHABLE_LSN = "FFFFFFFF/FFFFFFFF";

/**
 * The one way to finish a write: revalidates `paths` and pins them, in the user's sealed cookie,
 * to the primary's WAL position after the commit. Until a replica has replayed that position
 * (or the pin expires), requests for those paths read from the primary, on whichever node.
 * Call it only after the transaction has committed. `flash` is a one-shot message for the next page.
 */
export async function revalidate(paths: string[], { flash }: { flash?: string } = {}): Promise<void> {
  const unique = [...new Set(paths)];
  for (const path of unique) revalidatePath(path === "*" ? "/" : path, path === "*" ? "layout" : undefined);
  const pin = unique.length > 0 && env().DATABASE_REPLICA_URLS.length > 0;
  if (!pin && !flash) return;
  const session = await getAppSession();
  if (flash) session.flash = { kind: "success", message: flash };
  if (!pin) return session.save();
  // If the position cannot be read, pin to "never caught up": the paths read from the primary
  // until the pin expires, which is slower but never stale.
  const lsn = await replicaMonitor()
    .primaryLsn()
    .catch(() => UNREACHABLE_LSN);
  session.pins = prunePins([...(session.pins ?? []), { lsn, paths: unique, exp: Date.now() + env().READ_PIN_SECONDS * 1000 }]);
  await session.save();
}
