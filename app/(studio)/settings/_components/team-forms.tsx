"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { cancelInvite, removeMember, sendInvite } from "../actions";

export function InviteForm() {
  return (
    <ActionForm action={sendInvite} submitLabel="Send invitation">
      {(s) => <TextField label="Email of the person to invite" name="email" type="email" defaultValue={s.ok ? "" : s.values?.email} errors={s.fieldErrors?.email} />}
    </ActionForm>
  );
}

export function RemoveMemberForm({ userId, name }: { userId: string; name: string }) {
  return (
    <ActionForm action={removeMember} submitLabel={`Remove ${name}`} variant="danger" className="flex items-center gap-2">
      {() => <input type="hidden" name="userId" value={userId} />}
    </ActionForm>
  );
}

export function CancelInviteForm({ inviteId, email }: { inviteId: string; email: string }) {
  return (
    <ActionForm action={cancelInvite} submitLabel={`Cancel invitation for ${email}`} variant="secondary" className="flex items-center gap-2">
      {() => <input type="hidden" name="inviteId" value={inviteId} />}
    </ActionForm>
  );
}
