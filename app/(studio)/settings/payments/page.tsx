import { notFound } from "next/navigation";
import { Badge } from "@/components/pipeline/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { formatMoney, formatPercent } from "@/lib/money";
import { findScheduleTemplates } from "@/lib/schedules/queries";
import { SCHEDULE_ANCHORS } from "@/lib/schedules/schemas";
import { findPaymentSettings } from "@/lib/studios/queries";
import { deleteScheduleTemplateAction, setDefaultScheduleTemplateAction } from "./actions";
import { PaymentSettingsForm } from "./_components/payment-settings-form";
import { ScheduleTemplateForm } from "./_components/schedule-template-form";

export const metadata = { title: "Getting paid" };

export default async function PaymentSettingsPage() {
  const { user, db, money } = await requireOwnerContext();
  const [settings, templates] = await Promise.all([
    findPaymentSettings(db, { studioId: user.studioId }),
    findScheduleTemplates(db, { studioId: user.studioId }),
  ]);
  if (!settings) notFound();
  return (
    <>
      <PageHeader title="Getting paid" />
      <Card title="Payments and reminders">
        <PaymentSettingsForm
          paymentInstructions={settings.paymentInstructions ?? ""}
          requireRetainer={settings.requireRetainer}
          reminderOffsets={settings.reminderOffsets}
        />
      </Card>
      <Card title="Payment schedules">
        {templates.length === 0 ? (
          <EmptyState>
            No schedules yet. Without one, invoices ask for the retainer on booking and the rest 14 days before the
            event.
          </EmptyState>
        ) : (
          <ul aria-label="Payment schedules" className="divide-y divide-slate-100">
            {templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">
                    {t.name} {t.isDefault ? <Badge tone="green">Default</Badge> : null}
                  </p>
                  <ul className="text-slate-600">
                    {t.steps.map((s) => (
                      <li key={s.id}>
                        {s.label}:{" "}
                        {s.amount === "DEPOSIT"
                          ? "the retainer"
                          : s.amount === "REST"
                            ? "the rest"
                            : s.amount === "PERCENT"
                              ? `${formatPercent(s.percentBps ?? 0, money)}%`
                              : formatMoney(s.fixedMinor ?? 0, money)}
                        ,{" "}
                        {s.offsetDays === 0
                          ? s.anchor === "BOOKING"
                            ? "on booking"
                            : "on the event day"
                          : `${Math.abs(s.offsetDays)} ${SCHEDULE_ANCHORS[s.anchor]}`}
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="flex gap-2">
                  {!t.isDefault ? (
                    <ActionButton
                      action={setDefaultScheduleTemplateAction}
                      fields={{ templateId: t.id }}
                      label="Make default"
                      ariaLabel={`Make default: ${t.name}`}
                    />
                  ) : null}
                  <ActionButton
                    action={deleteScheduleTemplateAction}
                    fields={{ templateId: t.id }}
                    label="Delete"
                    variant="ghost"
                    ariaLabel={`Delete ${t.name}`}
                    confirm={`Delete the schedule “${t.name}”? Invoices already planned keep their dates.`}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <section aria-label="New payment schedule" className="mt-4 rounded-md border border-slate-200 p-4">
          <h3 className="mb-3 text-sm font-medium text-slate-800">New payment schedule</h3>
          <ScheduleTemplateForm money={money} />
        </section>
      </Card>
    </>
  );
}
