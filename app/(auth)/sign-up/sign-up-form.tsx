"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const [state, action, pending] = useFormAction(signUpAction);
  const v = state.values ?? {};
  if (state.ok) {
    return (
      <div role="status" className="space-y-2 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">Check your email</h2>
        <p>{state.message}</p>
        <p>
          Open the link in it to confirm your address and open your studio. Nothing arrived? Look in your spam folder.
        </p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        defaultValue={v.name}
        errors={state.fieldErrors?.name}
      />
      <TextField
        label="Studio name"
        name="studioName"
        autoComplete="organization"
        defaultValue={v.studioName}
        errors={state.fieldErrors?.studioName}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={v.email}
        errors={state.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.password}
        hint="At least 10 characters."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your studio…" : "Create studio"}
      </Button>
    </form>
  );
}
