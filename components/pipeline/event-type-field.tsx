import { useId, type ReactNode } from "react";
import { TextField } from "@/components/ui/field";
import { JOB_TYPES } from "@/lib/jobs/schemas";

type Props = { label: string; name: string; defaultValue?: string; errors?: string[]; hint?: ReactNode };

/** The kind of event or job: one of the usual types offered as suggestions, or the studio's own word. */
export function EventTypeField({ label, name, defaultValue, errors, hint }: Props) {
  const listId = useId();
  return (
    <>
      <TextField label={label} name={name} list={listId} defaultValue={defaultValue} errors={errors} hint={hint} />
      <datalist id={listId}>
        {JOB_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </>
  );
}
