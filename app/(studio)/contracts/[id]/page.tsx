import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findContractTemplate, findTemplateVersionPair } from "@/lib/contracts/queries";
import { compareVersionsSchema } from "@/lib/contracts/schemas";
import { diffTemplateVersions } from "@/lib/templates/diff";
import { updateContractTemplateAction } from "../actions";
import { ContractTemplateForm } from "../_components/template-form";

export const metadata = { title: "Contract template" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContractTemplatePage({ params, searchParams }: Props) {
  const { user, db, studio } = await requireStudioContext();
  const template = await findContractTemplate(db, {
    studioId: user.studioId,
    templateId: (await params).id.slice(0, 64),
  });
  if (!template) notFound();
  const latest = template.versions[0].number;
  const asked = compareVersionsSchema.safeParse(await searchParams);
  // Without a choice, the latest version is compared with the one before it.
  const [from, to] = asked.success ? [asked.data.from, asked.data.to] : [latest - 1, latest];
  const pair =
    from >= 1 && from !== to
      ? await findTemplateVersionPair(db, { studioId: user.studioId, templateId: template.id, from, to })
      : null;
  const changes = pair ? diffTemplateVersions(pair.from.body, pair.to.body) : null;

  return (
    <>
      <PageHeader title={template.name}>
        <Link href="/contracts" className={buttonClass("secondary")}>
          All templates
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Edit (version ${latest})`} className="lg:col-span-2">
          <p className="mb-4 text-sm text-slate-500">
            Saving a changed text makes a new version. Contracts already made from this template keep their text.
          </p>
          <ContractTemplateForm
            action={updateContractTemplateAction}
            submitLabel="Save template"
            brands={studio.brands}
            template={{ id: template.id, name: template.name, brandId: template.brandId, body: template.body }}
          />
        </Card>
        <div className="space-y-6">
          <Card title="Versions">
            <ol aria-label="Versions" className="divide-y divide-slate-100 text-sm">
              {template.versions.map((v) => (
                <li key={v.id} className="py-2">
                  <span className="font-medium text-slate-900">Version {v.number}</span>
                  <span className="text-slate-500">
                    {" "}
                    · {formatDateTime(v.createdAt, studio.timeZone)}
                    {v.author ? ` · ${v.author.name}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
          {template.versions.length > 1 ? (
            <Card title="What changed">
              <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm">
                <VersionSelect label="From version" name="from" value={from} versions={template.versions} />
                <VersionSelect label="To version" name="to" value={to} versions={template.versions} />
                <button type="submit" className={buttonClass("secondary")}>
                  Compare
                </button>
              </form>
              {changes ? (
                <div
                  aria-label={`Changes from version ${from} to version ${to}`}
                  role="region"
                  className="text-sm leading-relaxed whitespace-pre-wrap text-slate-700"
                >
                  {changes.map((c, i) =>
                    c.kind === "added" ? (
                      <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
                        {c.text}
                      </ins>
                    ) : c.kind === "removed" ? (
                      <del key={i} className="bg-red-100 text-red-800">
                        {c.text}
                      </del>
                    ) : (
                      <span key={i}>{c.text}</span>
                    ),
                  )}
                </div>
              ) : (
                <p className="text-sm text-slate-500">Choose two different versions to compare.</p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function VersionSelect({
  label,
  name,
  value,
  versions,
}: {
  label: string;
  name: string;
  value: number;
  versions: { number: number }[];
}) {
  return (
    <label className="space-y-1">
      <span className="block text-slate-700">{label}</span>
      <select
        name={name}
        defaultValue={String(value)}
        className="rounded-md border-0 py-1 pr-8 pl-2 ring-1 ring-slate-300"
      >
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.number}
          </option>
        ))}
      </select>
    </label>
  );
}
