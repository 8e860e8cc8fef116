import "server-only";
import { z } from "zod";
import { FORM_TOKEN_FIELD } from "@/lib/action-state";
import { getSessionUser, type StudioUser } from "@/lib/auth/guards";
import { type SessionUser } from "@/lib/auth/options";
import { signInAs } from "@/lib/auth/session-cookie";
import { primaryDb, type Tx } from "@/lib/db";
import { AppError, toAppError, unexpectedFailureMessage } from "@/lib/errors";
import { unstorableFields } from "@/lib/input";
import { logger, type Logger } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";
import { revalidate } from "@/lib/revalidate";

// The one way to write, behind two thin adapters: defineAction (lib/actions.ts) for server
// actions and defineWriteRoute (lib/routes.ts) for POST/PUT/PATCH/DELETE route handlers.

export type Access = "public" | "studio" | "owner" | "admin";
export type UserFor<A extends Access> = A extends "public" ? null : A extends "admin" ? SessionUser : StudioUser;

/** What every write returns once committed: the paths it changed, pinned for read-your-writes. */
export type Committed = {
  revalidate: string[];
  /** A one-shot message for the next page. */
  flash?: string;
  /** Signs this user in once the transaction has committed (sign-up, accepted invitation). */
  signInAs?: SessionUser;
};

type WriteFailure = { ok: false; status: number; message: string; fieldErrors: Record<string, string[]> };
/** `readAfter`: the primary's WAL position after the commit (null without replicas or when unknown). */
type WriteResult<O> = { ok: true; outcome: O; readAfter: string | null } | WriteFailure;

const FIX_FIELDS_MESSAGE = "Please correct the highlighted fields.";

type Write<S extends z.ZodType, A extends Access, C, O extends Committed> = {
  access: A;
  schema: S;
  /** "action", "route" or "api": names the log line of an unexpected failure and labels the write metrics. */
  kind: string;
  /** The submitted fields, read only once the caller may write. */
  readInput: () => Promise<unknown>;
  /** The request's logger (its id and trace id), for an unexpected failure. */
  log: () => Promise<Logger>;
  run: (ctx: { tx: Tx; input: z.infer<S>; user: UserFor<A> } & C) => Promise<O>;
  context: C;
  /** Who writes when not the signed-in browser: the owner of a verified API token. */
  authenticate?: () => Promise<SessionUser | null>;
  /** An API client's Idempotency-Key (already scoped to its token) and a hash of its request. */
  idempotency?: { key: string; fingerprint: string };
};

async function currentUser(
  access: Access,
  authenticate: () => Promise<SessionUser | null> = getSessionUser,
): Promise<SessionUser | null> {
  if (access === "public") return null;
  const user = await authenticate();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  const allowed =
    access === "admin"
      ? user.role === "ADMIN"
      : Boolean(user.studioId) && user.role !== "ADMIN" && (access !== "owner" || user.role === "OWNER");
  // Callers without the right role get the same answer as for a missing resource.
  if (!allowed) throw new AppError("NOT_FOUND", "That page or action does not exist.");
  return user;
}

/** The form's one-time token, scoped to who submits it; null when the form has none. */
function formTokenKey(raw: unknown, user: { id: string } | null): string | null {
  const token = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[FORM_TOKEN_FIELD] : undefined;
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return `${user?.id ?? "public"}:${token}`;
}

/**
 * Claims a form token (or an API Idempotency-Key) in the write's transaction. A second submit of
 * the same form waits on the first one's row until that commits, then gets its outcome (the same
 * redirect and message) instead of writing again; if the first rolled back, the second claims the
 * token and runs. A key first used for a different request (another fingerprint) is refused.
 */
async function claimFormToken<O>(
  tx: Tx,
  key: string,
  userId: string | null,
  fingerprint: string | null,
): Promise<O | null> {
  const claimed =
    await tx.$executeRaw`INSERT INTO "FormSubmission" (token, "userId", fingerprint) VALUES (${key}, ${userId}, ${fingerprint}) ON CONFLICT (token) DO NOTHING`;
  if (claimed === 1) return null;
  const previous = await tx.formSubmission.findUnique({
    where: { token: key },
    select: { outcome: true, fingerprint: true },
  });
  if (previous && previous.fingerprint !== fingerprint)
    throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used for a different request.");
  if (!previous?.outcome) throw new AppError("CONFLICT", "That form was already sent.");
  return previous.outcome as O;
}

const failure = (status: number, message: string, fieldErrors: Record<string, string[]> = {}): WriteFailure => ({
  ok: false,
  status,
  message,
  fieldErrors,
});

/**
 * Checks the caller's access, refuses text PostgreSQL cannot store, parses the input with zod
 * (every field's errors at once), runs `run` on the primary in one transaction (any throw rolls
 * back everything it wrote), and after the commit pins and revalidates the paths it changed.
 * Expected failures come back as values with a status; unexpected ones are logged once with the
 * request id and answered without their details, but with that id as a reference to quote.
 */
export async function runWrite<S extends z.ZodType, A extends Access, C, O extends Committed>(
  write: Write<S, A, C, O>,
): Promise<WriteResult<O>> {
  const stop = metrics().writes.startTimer({ kind: write.kind });
  let status = "500";
  try {
    const result = await writeOnce(write);
    status = result.ok ? "ok" : String(result.status);
    return result;
  } finally {
    stop({ status });
  }
}

async function writeOnce<S extends z.ZodType, A extends Access, C, O extends Committed>(
  write: Write<S, A, C, O>,
): Promise<WriteResult<O>> {
  let outcome: O;
  try {
    const user = (await currentUser(write.access, write.authenticate)) as UserFor<A>;
    const raw = await write.readInput();
    const unstorable = raw && typeof raw === "object" ? unstorableFields(raw as Record<string, unknown>) : {};
    if (Object.keys(unstorable).length > 0) return failure(400, FIX_FIELDS_MESSAGE, unstorable);
    const parsed = write.schema.safeParse(raw);
    if (!parsed.success) {
      const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
      return failure(400, FIX_FIELDS_MESSAGE, fieldErrors);
    }
    const formKey = write.idempotency?.key ?? formTokenKey(raw, user);
    const fingerprint = write.idempotency?.fingerprint ?? null;
    outcome = await primaryDb().$transaction(
      async (tx) => {
        if (formKey) {
          const replayed = await claimFormToken<O>(tx, formKey, user?.id ?? null, fingerprint);
          if (replayed) return replayed;
        }
        const result = await write.run({ tx, input: parsed.data, user, ...write.context });
        if (formKey)
          await tx.formSubmission.update({
            where: { token: formKey },
            data: { outcome: JSON.parse(JSON.stringify(result)) },
            select: { token: true },
          });
        return result;
      },
      { maxWait: 5_000, timeout: 15_000 },
    );
  } catch (error) {
    const known = toAppError(error);
    if (known) {
      // A failure that belongs to a field is shown beside it; the summary only points there.
      const hasFieldErrors = Object.keys(known.fieldErrors).length > 0;
      return failure(known.status, hasFieldErrors ? FIX_FIELDS_MESSAGE : known.message, known.fieldErrors);
    }
    const log = await write.log().catch(() => logger());
    log.error({ err: error }, `${write.kind} failed`);
    // The request's id names this line in the logs: the person who saw the failure can quote it.
    return failure(500, unexpectedFailureMessage(log.bindings().requestId));
  }
  if (outcome.signInAs) await signInAs(outcome.signInAs);
  const readAfter = await revalidate(outcome.revalidate, { flash: outcome.flash });
  return { ok: true, outcome, readAfter };
}
