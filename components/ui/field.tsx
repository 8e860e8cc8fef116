import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-[invalid=true]:ring-red-500";

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** The control's own attributes that tie it to its hint and errors, so a screen reader reads them with it. */
function describedBy(id: string, errors: string[] | undefined, hint: ReactNode, own: string | undefined) {
  const ids = [own, errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

function Wrapper({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-600" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({ label, name, errors, hint, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} errors={errors} hint={hint}>
      <input
        id={id}
        name={name}
        className={control}
        {...props}
        {...describedBy(id, errors, hint, props["aria-describedby"])}
      />
    </Wrapper>
  );
}

export function TextArea({
  label,
  name,
  errors,
  hint,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} errors={errors} hint={hint}>
      <textarea
        id={id}
        name={name}
        className={control}
        rows={4}
        {...props}
        {...describedBy(id, errors, hint, props["aria-describedby"])}
      />
    </Wrapper>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Wrapper id={id} label={label} errors={errors} hint={hint}>
      <select
        id={id}
        name={name}
        className={control}
        {...props}
        {...describedBy(id, errors, hint, props["aria-describedby"])}
      >
        {children}
      </select>
    </Wrapper>
  );
}
