"use client";

import { FormToken } from "@/components/ui/form-token";
import { useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { TextArea, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { createBroadcastAction } from "./actions";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function BroadcastForm() {
  const [state, action, pending] = useFormAction(createBroadcastAction);
  // Times are typed in the admin's own zone; the server converts them with this.
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField label="Title" name="title" defaultValue={v.title} errors={state.fieldErrors?.title} />
      <TextArea label="Message" name="body" defaultValue={v.body} errors={state.fieldErrors?.body} />
      <TextField
        label="Link (optional)"
        name="link"
        defaultValue={v.link}
        errors={state.fieldErrors?.link}
        hint="A path in ShootQ like /settings, or a full https:// address."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Starts"
          name="startsAt"
          type="datetime-local"
          defaultValue={v.startsAt}
          errors={state.fieldErrors?.startsAt}
          hint={`Your time (${timeZone}).`}
        />
        <TextField
          label="Ends"
          name="endsAt"
          type="datetime-local"
          defaultValue={v.endsAt}
          errors={state.fieldErrors?.endsAt}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="isNew" defaultChecked={state.values && !state.ok ? v.isNew === "on" : true} />
        Show a &ldquo;NEW&rdquo; badge
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send to all users"}
      </Button>
    </form>
  );
}
