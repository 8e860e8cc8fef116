"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  return (
    <ActionForm action={requestPasswordResetAction} submitLabel="Email me a link">
      {(s) => (
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={s.values?.email}
          errors={s.fieldErrors?.email}
        />
      )}
    </ActionForm>
  );
}
