"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { changeEmailAction, changePasswordAction, updateProfileAction } from "../actions";

export function ProfileForm({ name }: { name: string }) {
  return (
    <ActionForm action={updateProfileAction} submitLabel="Save name">
      {(s) => (
        <TextField
          label="Name"
          name="name"
          defaultValue={s.values?.name ?? name}
          errors={s.fieldErrors?.name}
          autoComplete="name"
        />
      )}
    </ActionForm>
  );
}

export function EmailForm({ email }: { email: string }) {
  return (
    <ActionForm action={changeEmailAction} submitLabel="Change email">
      {(s) => (
        <>
          <TextField
            label="Email"
            name="email"
            type="email"
            defaultValue={s.values?.email ?? email}
            errors={s.fieldErrors?.email}
            autoComplete="email"
          />
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            errors={s.fieldErrors?.currentPassword}
            autoComplete="current-password"
          />
        </>
      )}
    </ActionForm>
  );
}

export function PasswordForm() {
  return (
    <ActionForm action={changePasswordAction} submitLabel="Change password">
      {(s) => (
        <>
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            errors={s.fieldErrors?.currentPassword}
            autoComplete="current-password"
          />
          <TextField
            label="New password"
            name="newPassword"
            type="password"
            errors={s.fieldErrors?.newPassword}
            autoComplete="new-password"
            hint="At least 10 characters."
          />
          <TextField
            label="Confirm new password"
            name="confirmPassword"
            type="password"
            errors={s.fieldErrors?.confirmPassword}
            autoComplete="new-password"
          />
        </>
      )}
    </ActionForm>
  );
}
