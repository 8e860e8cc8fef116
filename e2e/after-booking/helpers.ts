import { expect, type Page } from "@playwright/test";
import { waitForReplay } from "../../lib/testing/cluster";

/** Rows a spec inserts straight into the primary reach the 3 s-late replica later: wait for them. */
export async function replicated(): Promise<void> {
  await waitForReplay({ primaryUrl: process.env.DATABASE_URL!, replicaUrls: (process.env.DATABASE_REPLICA_URLS ?? "").split(",").filter(Boolean) });
}

/**
 * Another person's write is not pinned for this user, so it shows once the replica has it:
 * reload until `check` passes, as someone refreshing the page would.
 */
export async function reloadUntil(page: Page, check: () => Promise<void>, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [500, 1000] });
}
