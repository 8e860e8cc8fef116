import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type z } from "zod";
import { type ActionState, formToObject, textValues } from "@/lib/action-state";
import { type Access, type Committed, runWrite, type UserFor } from "@/lib/write-core";
import { type Tx } from "@/lib/db";
import { requestLogger } from "@/lib/log/request";

/** What a server action's write returns: the paths it changed and, optionally, where to send the user. */
export type WriteOutcome = Committed & {
  redirectTo?: string;
  message?: string;
  secret?: string;
  /** The form keeps what was typed (a test send saves nothing, so the text must not reset). */
  keepValues?: boolean;
};

type Definition<S extends z.ZodType, A extends Access> = {
  access: A;
  schema: S;
  run: (ctx: { tx: Tx; input: z.infer<S>; user: UserFor<A> }) => Promise<WriteOutcome>;
};

/** A server action on the write core (lib/write-core.ts): failures come back as messages for the form. */
export function defineAction<S extends z.ZodType, A extends Access>(def: Definition<S, A>) {
  return async function action(_prev: ActionState, form: FormData): Promise<ActionState> {
    // Only a browser's form reaches here normally; anything else is answered, not thrown.
    if (!(form instanceof FormData))
      return { ok: false, message: "That request could not be read. Please reload the page and try again." };
    const raw = formToObject(form);
    const result = await runWrite({
      ...def,
      kind: "action",
      readInput: async () => raw,
      log: async () => requestLogger(await headers()),
      context: {},
    });
    if (!result.ok)
      return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values: textValues(raw) };
    if (result.outcome.redirectTo) redirect(result.outcome.redirectTo);
    return {
      ok: true,
      message: result.outcome.message,
      secret: result.outcome.secret,
      ...(result.outcome.keepValues ? { values: textValues(raw) } : {}),
    };
  };
}
