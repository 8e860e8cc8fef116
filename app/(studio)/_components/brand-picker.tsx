"use client";

import { usePathname } from "next/navigation";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ActionState } from "@/lib/action-state";

type Props = {
  brands: { id: string; name: string }[];
  selected?: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
};

/** "for: All Brands" or one brand; the choice is saved in the session cookie. */
export function BrandPicker({ brands, selected, action }: Props) {
  const [, formAction] = useFormAction(action);
  const pathname = usePathname();
  return (
    <form action={formAction} className="flex items-center gap-2 text-sm">
      <label htmlFor="brand-filter" className="text-slate-300">
        for:
      </label>
      <input type="hidden" name="returnTo" value={pathname} />
      <select
        id="brand-filter"
        name="brandId"
        defaultValue={selected ?? ""}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="min-h-11 flex-1 rounded-md border-0 bg-white/10 px-2 py-1 text-white ring-1 ring-white/20 md:min-h-0 md:flex-none"
      >
        <option value="" className="text-slate-900">
          All Brands
        </option>
        {brands.map((b) => (
          <option key={b.id} value={b.id} className="text-slate-900">
            {b.name}
          </option>
        ))}
      </select>
    </form>
  );
}
