"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { FormToken } from "@/components/ui/form-token";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Keyed<T> = T & { key: number };

let nextKey = 0;
const keyed = <T,>(item: T): Keyed<T> => ({ ...item, key: nextKey++ });

type Props<T> = {
  legend: string;
  /** Problems with the list as a whole; each names its item ("Question 2: ..."). */
  errors?: string[];
  initial: T[];
  /** A new empty item; `isFirst` when the list is empty. */
  blank: (isFirst: boolean) => T;
  /** What an item is called in button names: "Move question 2 up". */
  noun: string;
  addLabel: string;
  removeLabel: string;
  itemClassName: string;
  /** One item's fields. Place `controls` (move up/down, remove) where the layout wants them. */
  children: (
    item: T,
    helpers: { index: number; update: (patch: Partial<T>) => void; controls: ReactNode },
  ) => ReactNode;
};

/**
 * An ordered list the user edits before saving (a questionnaire's questions, a workflow's steps).
 * Items live in state, so a failed save keeps every item as typed.
 */
function DraftList<T extends object>({
  legend,
  errors,
  initial,
  blank,
  noun,
  addLabel,
  removeLabel,
  itemClassName,
  children,
}: Props<T>) {
  const [items, setItems] = useState<Keyed<T>[]>(() => (initial.length ? initial : [blank(true)]).map(keyed));
  const update = (key: number, patch: Partial<T>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{legend}</legend>
      {errors?.length ? (
        <ul role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {items.map((item, i) => (
        <div key={item.key} className={itemClassName}>
          {children(item, {
            index: i,
            update: (patch) => update(item.key, patch),
            controls: (
              <div className="flex gap-2">
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move ${noun} ${i + 1} up`}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => move(i, 1)}
                  disabled={i === items.length - 1}
                  aria-label={`Move ${noun} ${i + 1} down`}
                >
                  ↓
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => setItems((list) => list.filter((x) => x.key !== item.key))}
                  aria-label={`Remove ${noun} ${i + 1}`}
                >
                  {removeLabel}
                </Button>
              </div>
            ),
          })}
        </div>
      ))}
      <Button
        type="button"
        variant="secondary"
        onClick={() => setItems((list) => [...list, keyed(blank(list.length === 0))])}
      >
        {addLabel}
      </Button>
    </fieldset>
  );
}

type FormProps<T> = Omit<Props<T>, "errors"> & {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** Set when editing: the template the form saves. */
  templateId?: string;
  name: string;
  nameLabel: string;
  nameHint?: string;
  /** The field the list's problems come back under ("questions", "steps"). */
  listField: string;
  submitLabel: string;
};

/** A named template and its ordered items (a questionnaire, a workflow), saved by one action. */
export function DraftListForm<T extends object>({
  action,
  templateId,
  name,
  nameLabel,
  nameHint,
  listField,
  submitLabel,
  ...list
}: FormProps<T>) {
  const [state, formAction, pending] = useFormAction(action);
  // Controlled, like the items, so a failed save keeps the name as typed.
  const [value, setValue] = useState(name);
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <FormToken state={state} />
      <FormMessage state={state} />
      {templateId ? <input type="hidden" name="templateId" value={templateId} /> : null}
      <TextField
        label={nameLabel}
        name="name"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        errors={state.fieldErrors?.name}
        hint={nameHint}
      />
      <DraftList {...list} errors={state.fieldErrors?.[listField]} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
