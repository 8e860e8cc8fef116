"use client";

import { unstable_isUnrecognizedActionError, unstable_rethrow } from "next/navigation";
import { useActionState, useMemo, useSyncExternalStore } from "react";
import { FORM_TOKEN_FIELD, formToObject, initialActionState, textValues, type ActionState } from "@/lib/action-state";

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

// Messages for a submit whose answer never came: with a form token the resend is safe (the
// server answers a repeated token with the first submit's outcome); without one, look first.
const UNANSWERED_RESEND =
  "ShootQ did not answer, so this may or may not have been saved. What you entered is still here: send it again and it will be saved only once.";
const UNANSWERED_CHECK =
  "ShootQ did not answer, so this may or may not have been saved. Reload the page to see whether it was before trying again.";

const noSubscription = () => () => {};

/**
 * `useActionState` for a form bound to a server action, which also survives a lost answer. A
 * node that stops mid-request, a proxy that answers 502 or a dropped connection make Next.js
 * reject the action's promise, and the page would give way to the error page with everything
 * typed gone, although the write may have been saved. Instead the form stays, says so, keeps
 * what was typed and, through `unanswered`, its form token (components/ui/form-token.tsx), so a
 * resend cannot save twice.
 *
 * Until the page is hydrated the server action itself is used, so a form sent before then still
 * posts as a plain HTML form. Redirects and not-found pass through; an error the server reported
 * (it carries a digest: the write rolled back) and a server action a new release no longer has
 * still reach the error page, which explains or reloads.
 */
export function useFormAction(action: FormAction) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const guarded = useMemo(() => keepFormWhenUnanswered(action), [action]);
  return useActionState(hydrated ? guarded : action, initialActionState);
}

function keepFormWhenUnanswered(action: FormAction): FormAction {
  return async (state, form) => {
    try {
      return await action(state, form);
    } catch (error) {
      unstable_rethrow(error);
      if (unstable_isUnrecognizedActionError(error) || isReportedByServer(error)) throw error;
      const raw = formToObject(form);
      const resendIsSafe = typeof raw[FORM_TOKEN_FIELD] === "string" && raw[FORM_TOKEN_FIELD] !== "";
      return {
        ok: false,
        unanswered: true,
        message: resendIsSafe ? UNANSWERED_RESEND : UNANSWERED_CHECK,
        values: textValues(raw),
      };
    }
  };
}

function isReportedByServer(error: unknown): boolean {
  return typeof error === "object" && error !== null && "digest" in error;
}
