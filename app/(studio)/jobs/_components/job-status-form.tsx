"use client";

import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import { JOB_STATUS_LABELS } from "@/lib/jobs/schemas";
import { type JobStatus } from "@/prisma/generated/prisma/enums";
import { changeJobStatusAction } from "../actions";

export function JobStatusForm({ jobId, status }: { jobId: string; status: JobStatus }) {
  const [state, action, pending] = useFormAction(changeJobStatusAction);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="jobId" value={jobId} />
      <SelectField
        label="Job status"
        name="status"
        defaultValue={status}
        key={status}
        errors={state.fieldErrors?.status}
      >
        {(Object.entries(JOB_STATUS_LABELS) as [JobStatus, string][]).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Update status"}
      </Button>
    </form>
  );
}
