"use client";

import { BrandSelect } from "@/components/brands/brand-select";
import { EventTypeField } from "@/components/pipeline/event-type-field";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { updateJobAction } from "../actions";
import { ClientOptions } from "./client-options";

type Values = { title: string; type: string; date: string; brandId: string; contactId: string; notes: string };

type Props = {
  jobId: string;
  defaults: Values;
  brands: { id: string; name: string }[];
  contacts: { id: string; name: string; email: string | null }[];
};

/** Every field of a job; a new date for a dated job goes on to the reschedule preview. */
export function JobEditForm({ jobId, defaults, brands, contacts }: Props) {
  return (
    <ActionForm action={updateJobAction} submitLabel="Save job" className="max-w-xl space-y-4">
      {(s) => {
        const v = { ...defaults, ...s.values };
        const e = s.fieldErrors ?? {};
        return (
          <>
            <input type="hidden" name="jobId" value={jobId} />
            <TextField label="Job title" name="title" defaultValue={v.title} errors={e.title} />
            <EventTypeField label="Job type" name="type" defaultValue={v.type} errors={e.type} />
            <TextField
              label="Job date"
              name="date"
              type="date"
              defaultValue={v.date}
              errors={e.date}
              hint={
                defaults.date
                  ? "A new date shows what moves with it (tasks, events) before anything changes."
                  : "Optional"
              }
            />
            <BrandSelect brands={brands} defaultValue={v.brandId} errors={e.brandId} />
            <SelectField label="Client" name="contactId" defaultValue={v.contactId} errors={e.contactId}>
              <ClientOptions contacts={contacts} />
            </SelectField>
            <TextArea
              label="Notes"
              name="notes"
              rows={5}
              defaultValue={v.notes}
              errors={e.notes}
              hint="Only your studio sees these."
            />
          </>
        );
      }}
    </ActionForm>
  );
}
