"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/action-state";
import { dismissBroadcastAction } from "./broadcast-actions";

export function DismissBroadcastButton({ broadcastId, title }: { broadcastId: string; title: string }) {
  const [state, action, pending] = useActionState(dismissBroadcastAction, initialActionState);
  return (
    <form action={action} className="flex shrink-0 items-center gap-2">
      <input type="hidden" name="broadcastId" value={broadcastId} />
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
      <button type="submit" disabled={pending} aria-label={`Dismiss ${title}`} className="rounded px-2 py-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-800">
        Dismiss
      </button>
    </form>
  );
}
