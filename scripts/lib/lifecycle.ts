// Everything a harness starts (child processes, embedded PostgreSQL servers, scratch folders) is
// tracked here, so that it never outlives the process that started it: whichever way that process
// ends (Ctrl-C, SIGTERM, an uncaught error or rejection, a time limit, a normal exit), what it
// started is stopped, newest first (the app before its database). If the process exits before the
// graceful stops ran (process.exit, a test runner finishing), a synchronous last resort kills
// what is left.

import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type Entry = { name: string; stop: () => Promise<void>; kill: () => void };

const running = new Set<Entry>();
let shutdown: Promise<void> | null = null;

export type Tracked = {
  /** The owner stopped it itself: nothing left to do on exit. */
  release(): void;
};

/** Records something this process started. `stop` is the graceful way, `kill` the synchronous last resort. */
export function track(name: string, stop: () => Promise<void>, kill: () => void): Tracked {
  const entry: Entry = { name, stop, kill };
  running.add(entry);
  return { release: () => void running.delete(entry) };
}

/** True once `stopEverything()` was called: supervisors must not restart what it stops. */
export function isShuttingDown(): boolean {
  return shutdown !== null;
}

/** Stops everything still tracked, newest first. Called once; later calls wait for the first. */
export function stopEverything(): Promise<void> {
  shutdown ??= (async () => {
    for (const entry of [...running].reverse()) {
      try {
        await entry.stop();
      } catch (error) {
        console.error(`[shutdown] could not stop ${entry.name} (${(error as Error).message}); killing it`);
        entry.kill();
      }
      running.delete(entry);
    }
  })();
  return shutdown;
}

/** Names of what is still running (for tests of the harness itself). */
export function stillRunning(): string[] {
  return [...running].map((e) => e.name);
}

process.on("exit", () => {
  for (const entry of [...running].reverse()) {
    try {
      entry.kill();
    } catch (error) {
      // The process is exiting: report and carry on with the rest.
      console.error(`[shutdown] could not kill ${entry.name}: ${(error as Error).message}`);
    }
  }
});

let handling = false;

/**
 * For a harness's own process (not a test runner's): Ctrl-C and SIGTERM stop everything and exit 0;
 * an uncaught error or unhandled rejection is printed, stops everything and exits 1. A second
 * signal while stopping exits at once (the last resort then kills what is left).
 */
export function stopEverythingOnExit(log: (line: string) => void = (line) => console.error(line)): void {
  if (handling) return;
  handling = true;
  const finish = (code: number) => {
    // Each stop has its own time limit; this one only guards against a stop that never settles.
    setTimeout(() => process.exit(code || 1), 180_000).unref();
    void stopEverything().finally(() => {
      log("stopped");
      process.exit(code);
    });
  };
  let firstSignalAt = 0;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (isShuttingDown()) {
        // One Ctrl-C can arrive twice (from the terminal and relayed by npm): only a later one forces.
        if (Date.now() - firstSignalAt < 2_000) return;
        log(`${signal} again: exiting now`);
        process.exit(1);
      }
      firstSignalAt = Date.now();
      log(`${signal} received, stopping…${signal === "SIGINT" ? " (Ctrl-C again to force)" : ""}`);
      finish(0);
    });
  }
  const crash = (kind: string) => (error: unknown) => {
    console.error(`${kind}:`, error);
    if (isShuttingDown()) process.exit(1);
    finish(1);
  };
  process.on("uncaughtException", crash("uncaught error"));
  process.on("unhandledRejection", crash("unhandled rejection"));
}

/**
 * For a test runner's process (Playwright's runs its global setup in-process and handles Ctrl-C but
 * not SIGTERM, which would end it without an 'exit' event): SIGTERM stops everything, then exits.
 * What is not stopped within 30 s is killed by the exit hook above.
 */
export function stopEverythingOnSigterm(): void {
  process.once("SIGTERM", () => {
    setTimeout(() => process.exit(143), 30_000).unref();
    void stopEverything().finally(() => process.exit(143));
  });
}

/**
 * A scratch folder under the system's temp folder, mode 755 (PostgreSQL's and nginx's users must
 * enter it), removed when this process ends unless `remove()` ran first.
 */
export function scratchDir(prefix: string): { path: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  chmodSync(dir, 0o755);
  const removeNow = () => rmSync(dir, { recursive: true, force: true });
  const tracked = track(dir, async () => removeNow(), removeNow);
  return {
    path: dir,
    remove() {
      removeNow();
      tracked.release();
    },
  };
}

/** A serving harness lost a part it cannot run without: stop everything and exit 1. */
export function exitHarness(why: string, log: (line: string) => void): void {
  if (isShuttingDown()) return;
  log(`${why}; stopping`);
  void stopEverything().finally(() => process.exit(1));
}
