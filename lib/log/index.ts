import pino, { type Logger } from "pino";
import { nodeName } from "./node-name";
import { REDACTED, SECRET_KEYS, redactValue } from "./redact";

// The one logger of every process (app nodes, worker, billing): JSON lines on stdout with the same
// base fields everywhere. No transport: pino's worker-thread transports do not survive Next.js's
// bundling of the proxy, and stdout is what the process supervisors and the e2e setups collect.

export type LogService = "app" | "worker" | "billing";
export type { Logger };

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

let service: LogService = "app";
const globalForLog = globalThis as unknown as { shootqLogger?: Logger };

/** Names the process in every line; the services call it before they log anything. */
export function setLogService(name: LogService): void {
  service = name;
  globalForLog.shootqLogger = undefined;
}

function level(): string {
  const wanted = process.env.LOG_LEVEL?.toLowerCase();
  return wanted && (LEVELS as readonly string[]).includes(wanted) ? wanted : "info";
}

/** Options shared by the process logger and the tests' loggers (which write to a buffer). */
export function logOptions(name: LogService = service): pino.LoggerOptions {
  return {
    level: level(),
    // The supervisors name each process (node-1, worker…); started alone, it is the machine's name.
    base: { node: nodeName(), service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Errors are already { type, message, stack } with secrets masked (the hook below); pino's own
    // err serializer would wrap that object again.
    serializers: { err: (value: unknown) => value },
    // Fixed names at the top and one level down, fast; the hook below covers any depth, any
    // *Token / *Secret key, and link tokens, cookies and bearer tokens inside strings.
    redact: {
      paths: SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.headers["${key}"]`]),
      censor: REDACTED,
    },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        const safe =
          first instanceof Error
            ? [{ err: redactValue(first) }, ...rest.map((a) => redactValue(a))]
            : [redactValue(first), ...rest.map((a) => redactValue(a))];
        return method.apply(this, safe as Parameters<typeof method>);
      },
    },
  };
}

/** The process's logger (children of it carry a request's or a job's fields). */
export function logger(): Logger {
  globalForLog.shootqLogger ??= pino(logOptions());
  return globalForLog.shootqLogger;
}

/**
 * An adapter for the services' `log` option, which takes one object with a `msg`: an entry with
 * an `error` field is logged as an error, anything else as info.
 */
export function logEntry(log: Logger = logger()): (entry: Record<string, unknown>) => void {
  return ({ msg, ...fields }) => {
    const text = typeof msg === "string" ? msg : String(msg ?? "");
    if (fields.error !== undefined) log.error(fields, text);
    else log.info(fields, text);
  };
}

/** A long-running service's harness options: its lines and its failure as JSON through this logger. */
export function serviceLogging(name: LogService): { log: (line: string) => void; logError: (error: unknown) => void } {
  setLogService(name);
  return {
    log: (line) => logger().info(line),
    logError: (error) => logger().fatal({ err: error }, `${name} failed`),
  };
}
