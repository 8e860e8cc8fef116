import Link from "next/link";
import { type ReactNode } from "react";
import { AutoSubmitForm } from "@/components/ui/auto-submit-form";
import { buttonClass } from "@/components/ui/button";

/** The look of a text box, date or select in a filter bar. */
export const filterControl =
  "rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300";
const labelClass = "flex flex-col gap-1 text-sm font-medium text-slate-700";

type Props = {
  /** The list's own path: filters live in its URL, so a filtered list can be bookmarked and shared. */
  action: string;
  children: ReactNode;
  /** Marks the form as a search landmark (it has a text search). */
  isSearch?: boolean;
  /** The form's accessible name. */
  label?: string;
  /** A button shown always ("Search", "Preview"); without it, Apply is only there for browsers without JavaScript. */
  submitLabel?: string;
  /** Shown as "Clear" while any filter is set. */
  clearHref?: string;
  className?: string;
};

/** The filters above a list: a GET form of labelled controls that applies as soon as a select changes. */
export function FilterBar({
  action,
  children,
  isSearch = false,
  label,
  submitLabel,
  clearHref,
  className = "mb-4 flex flex-wrap items-end gap-3",
}: Props) {
  const button = (
    <button type="submit" className={buttonClass("secondary")}>
      {submitLabel ?? "Apply"}
    </button>
  );
  return (
    <AutoSubmitForm action={action} role={isSearch ? "search" : undefined} label={label} className={className}>
      {children}
      {submitLabel ? button : <noscript>{button}</noscript>}
      {clearHref ? (
        <Link href={clearHref} className="pb-2 text-sm text-brand-600 hover:underline">
          Clear
        </Link>
      ) : null}
    </AutoSubmitForm>
  );
}

/** A labelled control of any kind in a filter bar. */
export function FilterLabel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className={labelClass}>
      {label}
      {children}
    </label>
  );
}

export function FilterSearch({
  label,
  name,
  defaultValue,
  placeholder,
  className = "",
}: {
  label: string;
  name: string;
  defaultValue?: string;
  placeholder?: string;
  className?: string;
}) {
  return (
    <label className={`${labelClass} ${className}`}>
      {label}
      <input
        name={name}
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        maxLength={100}
        className={filterControl}
      />
    </label>
  );
}

/** A select of `options` ([value, label] pairs); `allLabel` adds a first option that filters nothing. */
export function FilterSelect({
  label,
  name,
  defaultValue,
  options,
  allLabel,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  options: readonly (readonly [string, string])[];
  allLabel?: string;
}) {
  return (
    <label className={labelClass}>
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={filterControl}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Views of one list as tabs (links), the current one marked for assistive technology too. */
export function ViewTabs({
  label,
  views,
  className = "flex gap-1",
}: {
  label: string;
  views: { href: string; label: string; isCurrent: boolean }[];
  className?: string;
}) {
  return (
    <nav aria-label={label} className={className}>
      {views.map((view) => (
        <Link
          key={view.href}
          href={view.href}
          aria-current={view.isCurrent ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${view.isCurrent ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {view.label}
        </Link>
      ))}
    </nav>
  );
}
