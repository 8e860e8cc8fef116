import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { signOutEverywhereAction, signOutSessionAction } from "../actions";

type SessionRow = { id: string; createdAt: Date; userAgent: string | null; address: string | null };

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A readable name for a browser from its user agent. */
function browserName(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}

export function SessionsCard({
  sessions,
  currentSessionId,
}: {
  sessions: SessionRow[];
  currentSessionId: string | null;
}) {
  return (
    <Card
      title="Your sessions"
      action={
        <ActionButton
          action={signOutEverywhereAction}
          fields={{}}
          label="End all sessions"
          variant="danger"
          confirm="Sign out of ShootQ in every browser, this one included?"
        />
      }
    >
      <ul aria-label="Signed-in sessions" className="divide-y divide-slate-100 text-sm">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-3 py-2">
            <div>
              <p className="font-medium text-slate-800">
                {browserName(s.userAgent)}
                {s.id === currentSessionId ? (
                  <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">
                    This browser
                  </span>
                ) : null}
              </p>
              <p className="text-xs text-slate-500">
                Signed in {when.format(s.createdAt)}
                {s.address && s.address !== "direct" ? ` from ${s.address}` : ""}
              </p>
            </div>
            {s.id === currentSessionId ? null : (
              <ActionButton
                action={signOutSessionAction}
                fields={{ sessionId: s.id }}
                label="End session"
                // Begins with the visible words, so speech users can say what they see.
                ariaLabel={`End session: ${browserName(s.userAgent)}, signed in ${when.format(s.createdAt)}`}
              />
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
