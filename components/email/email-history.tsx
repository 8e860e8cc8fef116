import { formatDateTime } from "@/lib/calendar/zoned";
import { type EmailEventKind } from "@/prisma/generated/prisma/enums";

const SAYS: Record<EmailEventKind, string> = {
  QUEUED: "Queued",
  ATTEMPT_FAILED: "Attempt failed",
  SENT: "Sent",
  NOT_SENT: "Not sent",
  FAILED: "Gave up",
  REQUEUED: "Queued again",
  BOUNCED: "Bounced",
};

export type EmailEventRow = { id: string; at: Date; kind: EmailEventKind; detail: string | null };

/** One email's history, oldest first, in the studio's time zone; folded until asked for. */
export function EmailHistory({ to, events, timeZone }: { to: string; events: EmailEventRow[]; timeZone: string }) {
  if (events.length === 0) return null;
  return (
    <details className="mt-1 text-xs text-slate-600">
      <summary className="cursor-pointer py-1 text-slate-700" aria-label={`History of the email to ${to}`}>
        History
      </summary>
      <ol className="mt-1 space-y-1 border-l border-slate-200 pl-3">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at.toISOString()} className="text-slate-500">
              {formatDateTime(e.at, timeZone)}
            </time>{" "}
            <span className="font-medium text-slate-800">{SAYS[e.kind]}</span>
            {e.detail ? <span className="wrap-anywhere">: {e.detail}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
