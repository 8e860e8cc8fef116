import { stopEverything, stopEverythingOnExit } from "./lifecycle.ts";

/** A failure whose message says everything (a port in use, a missing build): printed without a stack. */
export class HarnessError extends Error {}

export type HarnessOptions = {
  /** Prefix of every log line, e.g. "shootq" or "bench". */
  name: string;
  /** Prefix lines with the seconds since the start (long runs: bench, drills). */
  elapsed?: boolean;
  /** A run that takes longer has failed: everything is stopped and the process exits 1. */
  limitMinutes?: number;
  /** The long-running services log JSON lines through lib/log instead of prefixed text. */
  log?: Log;
  /** How an unexpected failure is reported (default: the name and the error on stderr). */
  logError?: (error: unknown) => void;
};

export type Log = (line: string) => void;

export function createLog(opts: Pick<HarnessOptions, "name" | "elapsed">): Log {
  const t0 = Date.now();
  return opts.elapsed
    ? (line) => console.log(`[${opts.name} ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`)
    : (line) => console.log(`[${opts.name}] ${line}`);
}

/**
 * The one way `npm start`, `npm run dev`, `npm run start:cluster`, bench and drills run: a log,
 * an optional time limit, and everything `main` starts stopped on any exit (see lifecycle.ts).
 * `main` returning "serve" leaves what it started running until Ctrl-C or SIGTERM; otherwise
 * the process stops everything and exits with process.exitCode (0 unless main set it).
 */
export async function runHarness(opts: HarnessOptions, main: (log: Log) => Promise<"serve" | void>): Promise<void> {
  const log = opts.log ?? createLog(opts);
  stopEverythingOnExit(log);
  const limit =
    opts.limitMinutes &&
    setTimeout(() => {
      log(`took longer than ${opts.limitMinutes} minutes: stopping`);
      void stopEverything().finally(() => process.exit(1));
    }, opts.limitMinutes * 60_000);
  try {
    if ((await main(log)) === "serve") {
      if (limit) clearTimeout(limit);
      return;
    }
  } catch (error) {
    if (error instanceof HarnessError) log(error.message);
    else if (opts.logError) opts.logError(error);
    else console.error(`[${opts.name}] failed:`, error);
    process.exitCode = 1;
  }
  if (limit) clearTimeout(limit);
  await stopEverything();
  log("stopped");
  // Exit now with the verdict rather than wait for idle handles (pools, timers) to close.
  process.exit(process.exitCode ?? 0);
}
