"use client";

import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialActionState } from "@/lib/action-state";
import { signUp } from "./actions";

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUp, initialActionState);
  // React clears the form once the action settles: keep what was submitted to sign in with.
  const submitted = useRef<FormData | null>(null);

  useEffect(() => {
    const data = submitted.current;
    if (!state.ok || !data) return;
    void signIn("credentials", { email: data.get("email"), password: data.get("password"), callbackUrl: "/dashboard" });
  }, [state]);

  const v = state.values ?? {};
  return (
    <form action={action} onSubmit={(e) => (submitted.current = new FormData(e.currentTarget))} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField label="Your name" name="name" autoComplete="name" defaultValue={v.name} errors={state.fieldErrors?.name} />
      <TextField label="Studio name" name="studioName" autoComplete="organization" defaultValue={v.studioName} errors={state.fieldErrors?.studioName} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={v.email} errors={state.fieldErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" errors={state.fieldErrors?.password} hint="At least 10 characters." />
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {state.ok ? "Signing you in…" : pending ? "Creating your studio…" : "Create studio"}
      </Button>
    </form>
  );
}
