"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialActionState } from "@/lib/action-state";
import { completeTaskAction } from "../actions";

export function CompleteTaskButton({ taskId, taskName }: { taskId: string; taskName: string }) {
  const [state, action, pending] = useActionState(completeTaskAction, initialActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.message}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Complete ${taskName}`}>
        {pending ? "Completing…" : "Complete"}
      </Button>
    </form>
  );
}
