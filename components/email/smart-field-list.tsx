import { fieldToken, type TemplateField } from "@/lib/templates/fields";

/** The smart fields an email may use, folded away until asked for. */
export function SmartFieldList({ fields }: { fields: readonly TemplateField[] }) {
  return (
    <details className="text-sm text-slate-700">
      <summary className="cursor-pointer font-medium">Smart fields you can use</summary>
      <ul aria-label="Smart fields" className="mt-2 grid gap-1 sm:grid-cols-2">
        {fields.map((f) => (
          <li key={f.key}>
            <code className="rounded bg-slate-100 px-1">{fieldToken(f.key)}</code> {f.label}
          </li>
        ))}
      </ul>
    </details>
  );
}
