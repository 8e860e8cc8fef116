"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { type ActionState } from "@/lib/action-state";
import { LOGO_TOO_LARGE, MAX_LOGO_BYTES, MAX_LOGO_LABEL } from "@/lib/brands/schemas";
import {
  addBrandAction,
  deleteBrandAction,
  removeBrandLogoAction,
  renameBrandAction,
  updateStudioAction,
  uploadBrandLogoAction,
} from "../actions";

type StudioFormProps = {
  name: string;
  timeZone: string;
  timeZones: string[];
  currency: string;
  currencies: { code: string; name: string }[];
  locale: string;
  jobsPerDay: number;
  staffCanSeeReports: boolean;
};

export function StudioForm({
  name,
  timeZone,
  timeZones,
  currency,
  currencies,
  locale,
  jobsPerDay,
  staffCanSeeReports,
}: StudioFormProps) {
  return (
    <ActionForm action={updateStudioAction} submitLabel="Save studio">
      {(s) => (
        <>
          <TextField
            label="Studio name"
            name="name"
            defaultValue={s.values?.name ?? name}
            errors={s.fieldErrors?.name}
          />
          <SelectField
            label="Time zone"
            name="timeZone"
            defaultValue={s.values?.timeZone ?? timeZone}
            errors={s.fieldErrors?.timeZone}
          >
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz.replaceAll("_", " ")}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Currency"
            name="currency"
            defaultValue={s.values?.currency ?? currency}
            errors={s.fieldErrors?.currency}
            hint="New invoices are in this currency; existing ones keep theirs."
          >
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} – {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Locale"
            name="locale"
            defaultValue={s.values?.locale ?? locale}
            errors={s.fieldErrors?.locale}
            hint="How amounts are written, e.g. en-US (1,250.00), de-DE (1.250,00), fr-FR (1 250,00)."
          />
          <TextField
            label="Jobs you take per day"
            name="jobsPerDay"
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            defaultValue={s.values?.jobsPerDay ?? String(jobsPerDay)}
            errors={s.fieldErrors?.jobsPerDay}
            hint="A lead asking for a day with this many booked jobs shows “Booked”."
          />
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="staffCanSeeReports"
              defaultChecked={s.values ? s.values.staffCanSeeReports === "on" : staffCanSeeReports}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600"
            />
            <span>
              Staff can see reports
              <span className="block text-xs text-slate-500">
                Bookings, revenue and conversion under Reports; without this only owners see them.
              </span>
            </span>
          </label>
        </>
      )}
    </ActionForm>
  );
}

export type ShownLogo = { src: string; width: number; height: number };

export function BrandRow({ id, name, jobs, logo }: { id: string; name: string; jobs: number; logo: ShownLogo | null }) {
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-end gap-3">
        <ActionForm
          action={renameBrandAction}
          submitLabel="Rename"
          variant="secondary"
          className="flex flex-1 items-end gap-2"
        >
          {(s) => (
            <>
              <input type="hidden" name="brandId" value={id} />
              <div className="flex-1">
                <TextField
                  label={`Brand name (${jobs} job${jobs === 1 ? "" : "s"})`}
                  name="name"
                  defaultValue={s.values?.name ?? name}
                  errors={s.fieldErrors?.name}
                />
              </div>
            </>
          )}
        </ActionForm>
        <ActionForm
          action={deleteBrandAction}
          submitLabel={`Delete ${name}`}
          variant="secondary"
          confirm={`Delete the brand ${name}?`}
          className="flex items-end gap-2"
        >
          {() => <input type="hidden" name="brandId" value={id} />}
        </ActionForm>
      </div>
      <BrandLogoForms brandId={id} name={name} logo={logo} />
    </li>
  );
}

/** A file over the cap is refused before it is sent (a photo could exceed what a request may carry). */
function refuseLargeLogo(form: FormData): ActionState | null {
  const file = form.get("logo");
  if (!(file instanceof File) || file.size <= MAX_LOGO_BYTES) return null;
  return { ok: false, message: LOGO_TOO_LARGE, fieldErrors: { logo: [LOGO_TOO_LARGE] } };
}

/** The brand's logo as its emails show it, with a form to upload (or replace) it and one to remove it. */
function BrandLogoForms({ brandId, name, logo }: { brandId: string; name: string; logo: ShownLogo | null }) {
  return (
    <section aria-label={`${name}'s logo`} className="mt-3 flex flex-wrap items-end gap-4">
      {logo ? (
        // eslint-disable-next-line @next/next/no-img-element -- a data: URL from the database, at its email size
        <img
          src={logo.src}
          width={logo.width}
          height={logo.height}
          alt={`${name}'s logo`}
          className="rounded border border-slate-200 bg-white p-1"
        />
      ) : (
        <p className="text-sm text-slate-500">No logo: {name}&apos;s emails are headed with its name.</p>
      )}
      <ActionForm
        action={uploadBrandLogoAction}
        submitLabel={logo ? "Replace logo" : "Upload logo"}
        variant="secondary"
        className="flex flex-wrap items-end gap-2"
        check={refuseLargeLogo}
      >
        {(s) => (
          <>
            <input type="hidden" name="brandId" value={brandId} />
            <TextField
              label={`Logo for ${name}`}
              name="logo"
              type="file"
              accept="image/png,image/jpeg"
              className="block text-sm"
              errors={s.fieldErrors?.logo}
              hint={`PNG or JPEG, up to ${MAX_LOGO_LABEL}. It heads every email ${name} sends.`}
            />
          </>
        )}
      </ActionForm>
      {logo ? (
        <ActionForm
          action={removeBrandLogoAction}
          submitLabel="Remove logo"
          variant="secondary"
          confirm={`Remove ${name}'s logo?`}
          className="flex items-end gap-2"
        >
          {() => <input type="hidden" name="brandId" value={brandId} />}
        </ActionForm>
      ) : null}
    </section>
  );
}

export function NewBrandForm() {
  return (
    <ActionForm action={addBrandAction} submitLabel="Add brand" variant="secondary">
      {(s) => (
        <TextField
          label="New brand name"
          name="name"
          defaultValue={s.ok ? "" : s.values?.name}
          errors={s.fieldErrors?.name}
        />
      )}
    </ActionForm>
  );
}
