export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "VALIDATION"
  | "CONFLICT"
  | "READ_ONLY"
  | "RATE_LIMITED"
  | "UNAUTHENTICATED"
  | "TOO_LARGE"
  | "UNPROCESSABLE";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 404, // another studio's or a forbidden resource is indistinguishable from a missing one
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  READ_ONLY: 503,
};

export const READ_ONLY_MESSAGE = "ShootQ is read-only for a moment. Nothing was saved; please try again shortly.";

/** An expected failure: a value with a code, shown to the user, never logged as a crash. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "That item") => new AppError("NOT_FOUND", `${what} was not found.`);

const CONNECTION_CODES = new Set([
  "P1001",
  "P1002",
  "P1017",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08006",
  "08001",
  "08003",
  "25006",
]);

/** True for errors that mean the primary cannot take writes right now (down, restarting, read-only). */
export function isUnavailableError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 6; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    if (
      typeof message === "string" &&
      /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|read-only transaction|the database system is (starting up|shutting down)|Can't reach database|connect ETIMEDOUT|DatabaseNotReachable|Timed out fetching a new connection|timeout exceeded when trying to connect|Server has closed the connection|Connection terminated unexpectedly|encountered a connection error and is not queryable/.test(
        message,
      )
    ) {
      return true;
    }
    e = cause ?? (e as { originalError?: unknown }).originalError;
  }
  return false;
}

/** Maps any thrown value to an AppError when it is an expected failure, or undefined. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isUnavailableError(error)) return new AppError("READ_ONLY", READ_ONLY_MESSAGE);
  const code = (error as { code?: unknown })?.code;
  if (code === "P2025") return notFound();
  if (code === "P2002") return new AppError("CONFLICT", "That already exists.");
  return undefined;
}

/**
 * What a caller is told of an unexpected failure: none of its details, but the request's id,
 * which names the failure's line in the logs, for the person who saw it to quote.
 */
export function unexpectedFailureMessage(requestId: unknown): string {
  const said = "Something went wrong and nothing was saved.";
  return typeof requestId === "string" && requestId
    ? `${said} If it happens again, give support this reference: ${requestId}.`
    : said;
}
