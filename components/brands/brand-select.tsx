import { SelectField } from "@/components/ui/field";

type Props = {
  brands: { id: string; name: string }[];
  defaultValue?: string;
  errors?: string[];
  label?: string;
  /** A first option for "no brand chosen", e.g. "Not sure yet" on the public inquiry form. */
  emptyOption?: string;
};

/** Picks one of the studio's brands; the mutation checks the id is the studio's. */
export function BrandSelect({ brands, defaultValue, errors, label = "Brand", emptyOption }: Props) {
  return (
    <SelectField
      label={label}
      name="brandId"
      defaultValue={defaultValue ?? (emptyOption === undefined ? brands[0]?.id : "")}
      errors={errors}
    >
      {emptyOption === undefined ? null : <option value="">{emptyOption}</option>}
      {brands.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </SelectField>
  );
}
