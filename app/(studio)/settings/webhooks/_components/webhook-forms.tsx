"use client";

import { ActionButton } from "@/components/ui/action-button";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookEndpointEnabledAction,
} from "../actions";

export function CreateWebhookEndpointForm() {
  return (
    <ActionForm action={createWebhookEndpointAction} submitLabel="Add endpoint" isCreate>
      {(s) => (
        <>
          <TextField
            label="Endpoint URL"
            name="url"
            type="url"
            placeholder="https://example.com/webhooks/shootq"
            defaultValue={s.ok ? "" : s.values?.url}
            errors={s.fieldErrors?.url}
          />
          <TextField
            label="Description"
            name="description"
            hint="Optional: what receives it, such as Accounting."
            defaultValue={s.ok ? "" : s.values?.description}
            errors={s.fieldErrors?.description}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Events</legend>
            {Object.entries(WEBHOOK_EVENTS).map(([type, { label }]) => (
              <label key={type} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="eventTypes[]" value={type} className="mt-1" />
                <span>
                  <span className="font-mono">{type}</span> <span className="text-slate-500">— {label}</span>
                </span>
              </label>
            ))}
            {s.fieldErrors?.eventTypes?.length ? (
              <p className="text-sm text-red-600" role="alert">
                {s.fieldErrors.eventTypes.join(" ")}
              </p>
            ) : null}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

export function EndpointControls({ endpointId, isEnabled }: { endpointId: string; isEnabled: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionButton
        action={setWebhookEndpointEnabledAction}
        fields={{ endpointId, enabled: String(!isEnabled) }}
        label={isEnabled ? "Disable" : "Enable"}
      />
      <ActionButton action={sendTestWebhookAction} fields={{ endpointId }} label="Send test event" />
      <ActionButton
        action={rotateWebhookSecretAction}
        fields={{ endpointId }}
        label="Rotate secret"
        confirm="Make a new signing secret? Deliveries are signed with it at once; update your receiver."
      />
      <ActionButton
        action={deleteWebhookEndpointAction}
        fields={{ endpointId }}
        label="Delete endpoint"
        variant="danger"
        confirm="Delete this endpoint and its delivery log?"
      />
    </div>
  );
}

export function ResendButton({
  endpointId,
  deliveryId,
  what,
}: {
  endpointId: string;
  deliveryId: string;
  what: string;
}) {
  return (
    <ActionButton
      action={resendWebhookDeliveryAction}
      fields={{ endpointId, deliveryId }}
      label="Resend"
      ariaLabel={`Resend ${what}`}
    />
  );
}
