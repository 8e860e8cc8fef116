import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { findWebhookEndpoints } from "@/lib/webhooks/queries";
import { CreateWebhookEndpointForm } from "./_components/webhook-forms";

export const metadata = { title: "Webhooks" };

/** Owners only: staff get a 404, as if the page did not exist. */
export default async function WebhooksPage() {
  const { user, db } = await requireOwnerContext();
  const endpoints = await findWebhookEndpoints(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Webhooks" />
      <p className="text-sm text-slate-600">
        ShootQ tells your other tools when something happens: it POSTs a JSON event, signed per the{" "}
        <a href="https://www.standardwebhooks.com/" className="underline">
          Standard Webhooks
        </a>{" "}
        specification, to each endpoint that subscribed to it, and retries for about a day when it fails.
      </p>
      <Card title="Add an endpoint">
        <CreateWebhookEndpointForm />
      </Card>
      <Card title="Your endpoints">
        {endpoints.length === 0 ? (
          <EmptyState>No webhook endpoints yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Webhook endpoints">
            {endpoints.map((e) => (
              <li key={e.id} className="py-3">
                <Link href={`/settings/webhooks/${e.id}`} className="font-mono text-sm font-medium underline">
                  {e.url}
                </Link>
                <p className="text-sm text-slate-500">
                  {e.isEnabled ? (e.failingSince ? "Enabled, failing" : "Enabled") : "Disabled"}
                  {e.description ? ` · ${e.description}` : ""} · {e.eventTypes.join(", ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
