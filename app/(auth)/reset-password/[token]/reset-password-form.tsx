"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPasswordAction} submitLabel="Set new password">
      {(s) => (
        <>
          <input type="hidden" name="token" value={token} />
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            errors={s.fieldErrors?.password}
            hint="At least 10 characters."
          />
          <TextField
            label="Confirm new password"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            errors={s.fieldErrors?.confirmPassword}
          />
        </>
      )}
    </ActionForm>
  );
}
