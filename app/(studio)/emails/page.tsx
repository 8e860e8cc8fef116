import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { countOf } from "@/lib/words";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requireStudioContext } from "@/lib/auth/context";
import { findStudioEmails } from "@/lib/email/queries";
import { ActionButton } from "@/components/ui/action-button";
import { retryEmailAction } from "./actions";
import { EmailAddress } from "@/components/ui/email-address";
import { EmailHistory } from "@/components/email/email-history";
import { formatDateTime } from "@/lib/calendar/zoned";

export const metadata = { title: "Emails" };

const STATUS_STYLE = {
  QUEUED: "bg-amber-50 text-amber-800",
  SENT: "bg-emerald-50 text-emerald-800",
  FAILED: "bg-red-50 text-red-700",
  CANCELLED: "bg-slate-100 text-slate-600",
  BOUNCED: "bg-red-50 text-red-700",
} as const;
const STATUS_LABEL = {
  QUEUED: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
  CANCELLED: "Not sent",
  BOUNCED: "Bounced",
} as const;

export default async function EmailsPage() {
  const { user, db, studio } = await requireStudioContext();
  const emails = await findStudioEmails(db, { studioId: user.studioId });
  return (
    <>
      <PageHeader title="Emails">
        <Link href="/emails/saved" className={buttonClass("secondary")}>
          Saved emails
        </Link>
      </PageHeader>
      <Card>
        {emails.length === 0 ? (
          <EmptyState>No emails yet. Proposals, questionnaires and referrals you send show up here.</EmptyState>
        ) : (
          <DataTable
            caption="Emails"
            columns={[
              "To",
              "Subject",
              "Queued",
              "Status",
              <span key="actions" className="sr-only">
                Actions
              </span>,
            ]}
          >
            {emails.map((e) => (
              <tr key={e.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3">
                  <EmailAddress address={e.to} />
                </td>
                <td className="py-2 pr-3">{e.subject}</td>
                <td className="py-2 pr-3 whitespace-nowrap text-slate-500">
                  {formatDateTime(e.createdAt, studio.timeZone)}
                </td>
                <td className="py-2 pr-3">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[e.status]}`}>
                    {STATUS_LABEL[e.status]}
                  </span>
                  {e.status === "SENT" && e.sentAt ? (
                    <p className="mt-1 text-xs text-slate-500">{formatDateTime(e.sentAt, studio.timeZone)}</p>
                  ) : null}
                  {e.status === "CANCELLED" ? <p className="mt-1 text-xs text-slate-500">{e.lastError}</p> : null}
                  {e.status === "FAILED" ? (
                    <p className="mt-1 text-xs text-red-700">
                      After {countOf(e.attempts, "attempt", "attempts")}: {e.lastError ?? "unknown error"}
                    </p>
                  ) : null}
                  {e.status === "BOUNCED" ? (
                    <p className="mt-1 text-xs text-red-700">
                      Returned by the recipient&apos;s server: {e.lastError}. Check the address before sending again.
                    </p>
                  ) : null}
                  <EmailHistory to={e.to} events={e.events} timeZone={studio.timeZone} />
                </td>
                <td className="py-2">
                  {e.status === "FAILED" ? (
                    <ActionButton
                      action={retryEmailAction}
                      fields={{ emailId: e.id }}
                      label="Retry"
                      pendingLabel="Retrying…"
                      ariaLabel={`Retry the email to ${e.to}`}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
