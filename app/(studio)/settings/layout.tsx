import Link from "next/link";
import { requireStudioContext } from "@/lib/auth/context";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStudioContext();
  const links = [
    ["/settings", "Account"],
    ...(user.role === "OWNER" ? [["/settings/studio", "Studio & brands"]] : []),
    ["/settings/team", "Team"],
    ...(user.role === "OWNER" ? [["/settings/payments", "Getting paid"]] : []),
    ...(user.role === "OWNER" ? [["/settings/emails", "Emails"]] : []),
    ...(user.role === "OWNER" ? [["/settings/billing", "Billing"]] : []),
    ...(user.role === "OWNER" ? [["/settings/api-tokens", "API tokens"]] : []),
    ...(user.role === "OWNER" ? [["/settings/webhooks", "Webhooks"]] : []),
  ];
  return (
    <div className="grid gap-8 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Settings" className="flex flex-col gap-1">
        {links.map(([href, label]) => (
          <Link key={href} href={href} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            {label}
          </Link>
        ))}
      </nav>
      <div className="space-y-6">{children}</div>
    </div>
  );
}
