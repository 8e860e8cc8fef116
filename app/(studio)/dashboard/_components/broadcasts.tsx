import Link from "next/link";
import { externalHttpLink, sameSitePath } from "@/lib/safe-redirect";
import { ActionButton } from "@/components/ui/action-button";
import { type findActiveBroadcasts } from "@/lib/broadcasts/queries";
import { dismissBroadcastAction } from "../actions";

/** Announcements from ShootQ at the top of What's New, until they end or this user dismisses them. */
export function Broadcasts({ broadcasts }: { broadcasts: Awaited<ReturnType<typeof findActiveBroadcasts>> }) {
  if (broadcasts.length === 0) return null;
  return (
    <ul className="mb-4 space-y-2" aria-label="Announcements from ShootQ">
      {broadcasts.map((b) => (
        <li
          key={b.id}
          className="flex items-start justify-between gap-3 rounded-md bg-brand-50 px-3 py-2 ring-1 ring-brand-100"
        >
          <div className="text-sm">
            <p className="font-medium text-slate-900">
              {b.isNew ? (
                <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-[10px] font-bold text-white">NEW</span>
              ) : null}
              {b.title}
            </p>
            <p className="whitespace-pre-wrap text-slate-700">{b.body}</p>
            <BroadcastLink link={b.link} />
          </div>
          <ActionButton
            action={dismissBroadcastAction}
            fields={{ broadcastId: b.id }}
            label="Dismiss"
            variant="ghost"
            ariaLabel={`Dismiss ${b.title}`}
          />
        </li>
      ))}
    </ul>
  );
}

/** Only a path on ShootQ or an http(s) address: a link saved before links were checked this way is left out. */
function BroadcastLink({ link }: { link: string | null }) {
  const internal = sameSitePath(link);
  if (internal) {
    return (
      <Link href={internal} className="text-brand-600 hover:underline">
        Learn more
      </Link>
    );
  }
  const external = link?.startsWith("/") ? null : externalHttpLink(link);
  if (!external) return null;
  return (
    <a href={external} className="text-brand-600 hover:underline" target="_blank" rel="noopener noreferrer">
      Learn more
    </a>
  );
}
