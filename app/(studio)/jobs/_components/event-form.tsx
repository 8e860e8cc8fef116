"use client";

import { FormToken } from "@/components/ui/form-token";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { createEventAction, updateEventAction } from "../actions";

type Values = { name: string; date: string; startTime: string; endTime: string; location: string; isShoot: boolean };

type Props =
  { mode: "create"; jobId: string; defaults?: Partial<Values> } | { mode: "edit"; eventId: string; defaults: Values };

/** A session or shoot: date and times are the studio's wall clock. */
export function EventForm(props: Props) {
  const [state, action, pending] = useFormAction(props.mode === "create" ? createEventAction : updateEventAction);
  // After a successful add the form starts empty again for the next event.
  const v: Partial<Values> & Record<string, unknown> = state.ok
    ? (props.defaults ?? {})
    : { ...props.defaults, ...state.values };
  const e = state.fieldErrors ?? {};
  const shoot = state.values && !state.ok ? state.values.isShoot === "on" : (props.defaults?.isShoot ?? false);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      {props.mode === "create" ? (
        <input type="hidden" name="jobId" value={props.jobId} />
      ) : (
        <input type="hidden" name="eventId" value={props.eventId} />
      )}
      <TextField
        label="Event name"
        name="name"
        defaultValue={v.name as string | undefined}
        errors={e.name}
        hint="Engagement session, wedding day, sales session…"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Date" name="date" type="date" defaultValue={v.date as string | undefined} errors={e.date} />
        <TextField
          label="Start time"
          name="startTime"
          type="time"
          defaultValue={v.startTime as string | undefined}
          errors={e.startTime}
        />
        <TextField
          label="End time"
          name="endTime"
          type="time"
          defaultValue={v.endTime as string | undefined}
          errors={e.endTime}
          hint="Optional"
        />
      </div>
      <TextField
        label="Location"
        name="location"
        defaultValue={v.location as string | undefined}
        errors={e.location}
        hint="Optional"
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isShoot" defaultChecked={shoot} className="h-4 w-4 rounded border-slate-300" />
        This is a shoot
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : props.mode === "create" ? "Add event" : "Save event"}
      </Button>
    </form>
  );
}
