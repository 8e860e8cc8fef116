"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { revokeInviteAction, removeStaffAction, inviteStaffAction } from "../actions";

export function InviteForm() {
  return (
    <ActionForm action={inviteStaffAction} submitLabel="Send invitation" isCreate>
      {(s) => (
        <TextField
          label="Email of the person to invite"
          name="email"
          type="email"
          defaultValue={s.ok ? "" : s.values?.email}
          errors={s.fieldErrors?.email}
        />
      )}
    </ActionForm>
  );
}

export function RemoveMemberForm({ userId, name }: { userId: string; name: string }) {
  return (
    <ActionForm
      action={removeStaffAction}
      submitLabel={`Remove ${name}`}
      variant="secondary"
      confirm={`Remove ${name}? They can no longer sign in.`}
      className="flex items-center gap-2"
    >
      {() => <input type="hidden" name="userId" value={userId} />}
    </ActionForm>
  );
}

export function CancelInviteForm({ inviteId, email }: { inviteId: string; email: string }) {
  return (
    <ActionForm
      action={revokeInviteAction}
      submitLabel={`Cancel invitation for ${email}`}
      variant="secondary"
      confirm={`Cancel the invitation for ${email}?`}
      className="flex items-center gap-2"
    >
      {() => <input type="hidden" name="inviteId" value={inviteId} />}
    </ActionForm>
  );
}
