"use client";

import { ActionForm } from "@/components/ui/action-form";
import { applyRescheduleAction } from "../actions";

/** Applies exactly the plan on screen; the fingerprint makes the server refuse one that changed. */
export function ApplyRescheduleForm({
  jobId,
  date,
  eventIds,
  fingerprint,
}: {
  jobId: string;
  date: string;
  eventIds: string[];
  fingerprint: string;
}) {
  return (
    <ActionForm action={applyRescheduleAction} submitLabel="Apply the new date">
      {() => (
        <>
          <input type="hidden" name="jobId" value={jobId} />
          <input type="hidden" name="date" value={date} />
          <input type="hidden" name="fingerprint" value={fingerprint} />
          {eventIds.map((id) => (
            <input key={id} type="hidden" name="eventIds[]" value={id} />
          ))}
        </>
      )}
    </ActionForm>
  );
}
