import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/calendar/zoned";
import { requireStudioContext } from "@/lib/auth/context";
import { findContractSettings, findContractTemplates } from "@/lib/contracts/queries";
import { ContractSettingsForm } from "./_components/settings-form";

export const metadata = { title: "Contracts" };

export default async function ContractsPage() {
  const { user, db, studio } = await requireStudioContext();
  const [templates, settings] = await Promise.all([
    findContractTemplates(db, { studioId: user.studioId }),
    findContractSettings(db, { studioId: user.studioId }),
  ]);
  return (
    <>
      <PageHeader title="Contracts">
        <Link href="/contracts/new" className={buttonClass()}>
          New template
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Contract templates" className="lg:col-span-2">
          {templates.length === 0 ? (
            <EmptyState>No contract templates yet. Write one, then send a contract from a job.</EmptyState>
          ) : (
            <ul aria-label="Contract templates" className="divide-y divide-slate-100">
              {templates.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-4 py-3">
                  <div>
                    <Link href={`/contracts/${t.id}`} className="font-medium text-slate-900 hover:underline">
                      {t.name}
                    </Link>
                    <p className="text-sm text-slate-500">
                      Version {t.versions[0]?.number ?? 1} · {t.brand ? t.brand.name : "All brands"} · edited{" "}
                      {formatDateTime(t.updatedAt, studio.timeZone)}
                    </p>
                  </div>
                  <Link href={`/contracts/${t.id}`} className={buttonClass("secondary")}>
                    Edit<span className="sr-only"> {t.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Signing">
          {settings ? (
            <ContractSettingsForm
              isOwner={user.role === "OWNER"}
              countersignAutomatically={settings.countersignAutomatically}
              contractReminderDays={settings.contractReminderDays}
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
