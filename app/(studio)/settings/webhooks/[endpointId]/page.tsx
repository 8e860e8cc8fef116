import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/calendar/zoned";
import { findWebhookEndpoint } from "@/lib/webhooks/queries";
import { EndpointControls, ResendButton } from "../_components/webhook-forms";

export const metadata = { title: "Webhook endpoint" };

const STATUS_LABELS = { PENDING: "Pending", SUCCEEDED: "Delivered", FAILED: "Failed" } as const;

/** Owners only; another studio's endpoint, like staff, gets a 404. */
export default async function WebhookEndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const { endpointId } = await params;
  const { user, db, studio } = await requireOwnerContext();
  const endpoint = await findWebhookEndpoint(db, { studioId: user.studioId, endpointId });
  if (!endpoint) notFound();
  const when = (date: Date) => formatDateTime(date, studio.timeZone);
  return (
    <>
      <PageHeader title="Webhook endpoint" />
      <p className="text-sm">
        <Link href="/settings/webhooks" className="underline">
          All endpoints
        </Link>
      </p>
      <Card title={endpoint.url}>
        <dl className="grid grid-cols-[10rem_1fr] gap-2 text-sm">
          <dt className="text-slate-500">Status</dt>
          <dd>
            {endpoint.isEnabled
              ? endpoint.failingSince
                ? `Enabled, failing since ${when(endpoint.failingSince)}`
                : "Enabled"
              : `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}`}
          </dd>
          {endpoint.description ? (
            <>
              <dt className="text-slate-500">Description</dt>
              <dd>{endpoint.description}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Events</dt>
          <dd className="font-mono">{endpoint.eventTypes.join(", ")}</dd>
        </dl>
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium">Show signing secret</summary>
          <p className="mt-2 text-slate-600">
            Verify each delivery&rsquo;s <code>webhook-signature</code> header with it (any Standard Webhooks library
            does).
          </p>
          <input
            readOnly
            aria-label="Signing secret"
            value={endpoint.secret}
            className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          />
        </details>
        <div className="mt-4">
          <EndpointControls endpointId={endpoint.id} isEnabled={endpoint.isEnabled} />
        </div>
      </Card>
      <Card title="Recent deliveries">
        {endpoint.deliveries.length === 0 ? (
          <EmptyState>Nothing sent yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Deliveries">
            {endpoint.deliveries.map((d) => {
              const last = d.attemptLog[0];
              return (
                <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="text-sm">
                    <p>
                      <span className="font-mono font-medium">{d.event.type}</span> · {STATUS_LABELS[d.status]}
                      {d.lastStatusCode !== null ? ` · HTTP ${d.lastStatusCode}` : ""}
                      {d.lastLatencyMs !== null ? ` · ${d.lastLatencyMs} ms` : ""}
                    </p>
                    <p className="text-slate-500">
                      {when(d.createdAt)} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                      {d.status === "PENDING" && d.nextAttemptAt ? ` · next ${when(d.nextAttemptAt)}` : ""}
                    </p>
                    {last?.error && d.status !== "SUCCEEDED" ? <p className="text-red-700">{last.error}</p> : null}
                    {last?.responseExcerpt ? (
                      <p className="max-w-xl truncate font-mono text-xs text-slate-500">{last.responseExcerpt}</p>
                    ) : null}
                  </div>
                  <ResendButton
                    endpointId={endpoint.id}
                    deliveryId={d.id}
                    what={`${d.event.type} of ${when(d.createdAt)}`}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
