import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireOwnerContext } from "@/lib/auth/context";
import { findApiTokens } from "@/lib/api-tokens/queries";
import { API_TOKEN_SCOPE_LABELS } from "@/lib/api-tokens/schemas";
import { CreateApiTokenForm, RevokeApiTokenForm } from "./_components/api-token-forms";

export const metadata = { title: "API tokens" };

const when = (date: Date) =>
  date.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Owners only: staff get a 404, as if the page did not exist. */
export default async function ApiTokensPage() {
  const { user, db } = await requireOwnerContext();
  const tokens = await findApiTokens(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="API tokens" />
      <p className="text-sm text-slate-600">
        Connect your website, accounting or gallery service to ShootQ through its{" "}
        <Link href="/docs/api" className="underline">
          REST API
        </Link>
        . A token acts as you; keep it secret.
      </p>
      <Card title="New token">
        <CreateApiTokenForm />
      </Card>
      <Card title="Your tokens">
        {tokens.length === 0 ? (
          <EmptyState>No API tokens yet.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="API tokens">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-medium">
                    {t.name} <span className="font-mono text-xs text-slate-500">{t.hint}…</span>
                  </p>
                  <p className="text-sm text-slate-500">
                    {API_TOKEN_SCOPE_LABELS[t.scope]} · created {when(t.createdAt)} by {t.user.name} ·{" "}
                    {t.lastUsedAt ? `last used ${when(t.lastUsedAt)}` : "never used"}
                    {t.revokedAt ? ` · revoked ${when(t.revokedAt)}` : ""}
                  </p>
                </div>
                {t.revokedAt ? null : <RevokeApiTokenForm apiTokenId={t.id} name={t.name} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
