import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState } from "@/lib/action-state";
import { getSessionUser, type StudioUser } from "@/lib/auth/guards";
import { type SessionUser } from "@/lib/auth/options";
import { primaryDb, type Tx } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import { signInAs } from "@/lib/auth/session-cookie";
import { unstorableFields } from "@/lib/input";
import { revalidate } from "@/lib/revalidate";

/** What a write returns: the paths it changed and, optionally, where to send the user. */
export type WriteOutcome = {
  revalidate: string[];
  redirectTo?: string;
  flash?: string;
  message?: string;
  /** Signs this user in once the transaction has committed (sign-up, accepted invitation). */
  signInAs?: SessionUser;
};

type Access = "public" | "studio" | "owner" | "admin";
type UserFor<A extends Access> = A extends "public" ? null : A extends "admin" ? SessionUser : StudioUser;

type Definition<S extends z.ZodType, A extends Access> = {
  access: A;
  schema: S;
  run: (ctx: { tx: Tx; input: z.infer<S>; user: UserFor<A> }) => Promise<WriteOutcome>;
};

const UNEXPECTED = "Something went wrong and nothing was saved. Please try again.";

/** FormData to a plain object; fields named `x[]` become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key.endsWith("[]")) {
      const k = key.slice(0, -2);
      out[k] = [...((out[k] as unknown[]) ?? []), value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Echoed back to refill a failed form; secrets are never sent back. */
function textValues(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k, v]) => typeof v === "string" && !/password|token/i.test(k))
      .map(([k, v]) => [k, (v as string).slice(0, 5000)]),
  );
}

async function currentUser(access: Access): Promise<SessionUser | null> {
  if (access === "public") return null;
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  const allowed =
    access === "admin" ? user.role === "ADMIN" : Boolean(user.studioId) && user.role !== "ADMIN" && (access !== "owner" || user.role === "OWNER");
  // Callers without the right role get the same answer as for a missing resource.
  if (!allowed) throw new AppError("NOT_FOUND", "That page or action does not exist.");
  return user;
}

/**
 * The one write wrapper. Parses the form with zod, checks the session and role, runs `run` on
 * the primary inside one transaction (any throw rolls back everything it wrote), then pins and
 * revalidates the paths it changed. Expected failures come back as messages for the form.
 */
export function defineAction<S extends z.ZodType, A extends Access>(def: Definition<S, A>) {
  return async function action(_prev: ActionState, form: FormData): Promise<ActionState> {
    // Only a browser's form reaches here normally; anything else is answered, not thrown.
    if (!(form instanceof FormData)) return { ok: false, message: "That request could not be read. Please reload the page and try again." };
    const raw = formToObject(form);
    const values = textValues(raw);
    const unstorable = unstorableFields(raw);
    if (Object.keys(unstorable).length > 0) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: unstorable, values };
    let outcome: WriteOutcome;
    try {
      const user = await currentUser(def.access);
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) {
        const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
        return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };
      }
      outcome = await primaryDb().$transaction(
        (tx) => def.run({ tx, input: parsed.data, user: user as UserFor<A> }),
        { maxWait: 5_000, timeout: 15_000 },
      );
    } catch (error) {
      const known = toAppError(error);
      if (known) {
        // A failure that belongs to a field is shown beside it; the summary only points there.
        const hasFieldErrors = Object.keys(known.fieldErrors).length > 0;
        return { ok: false, message: hasFieldErrors ? "Please correct the highlighted fields." : known.message, fieldErrors: known.fieldErrors, values };
      }
      const requestId = (await headers()).get("x-request-id");
      console.error(JSON.stringify({ msg: "action failed", requestId, error: String((error as Error)?.stack ?? error) }));
      return { ok: false, message: UNEXPECTED, values };
    }
    if (outcome.signInAs) await signInAs(outcome.signInAs);
    await revalidate(outcome.revalidate, { flash: outcome.flash });
    if (outcome.redirectTo) redirect(outcome.redirectTo);
    return { ok: true, message: outcome.message };
  };
}
