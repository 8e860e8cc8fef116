import { type ReactNode } from "react";
import { NavLink } from "@/components/studio/nav-link";
import { SignOutButton } from "@/components/studio/sign-out-button";

export type NavItem = readonly [href: string, label: string];
/** Navigation entries that belong together, e.g. daily work apart from settings. */
export type NavGroup = { label: string; items: readonly NavItem[] };

type Props = {
  /** The header's left side: the product mark and where the user is. */
  brand: ReactNode;
  /** Controls shown before the user's name, e.g. the brand filter. */
  tools?: ReactNode;
  userName: string;
  navLabel: string;
  /** One group, or several shown apart, each a list named by its label. */
  nav: readonly NavGroup[];
  /** The Tailwind max-width class of the header and the page. */
  width: string;
  children: ReactNode;
};

/** The signed-in frame of the studio and the admin area: header, user, sign out, navigation, page. */
export function AppShell({ brand, tools, userName, navLabel, nav, width, children }: Props) {
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900">
        <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-4 px-4 py-3`}>
          {brand}
          <div className="flex flex-wrap items-center gap-4">
            {tools}
            <span className="text-sm text-slate-300">{userName}</span>
            <SignOutButton />
          </div>
        </div>
        <nav
          aria-label={navLabel}
          className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 pb-2`}
        >
          {nav.map((group) => (
            <ul key={group.label} aria-label={group.label} className="flex gap-1 overflow-x-auto">
              {group.items.map(([href, label]) => (
                <li key={href}>
                  <NavLink href={href}>{label}</NavLink>
                </li>
              ))}
            </ul>
          ))}
        </nav>
      </header>
      <main className={`mx-auto ${width} px-4 py-8`}>{children}</main>
    </div>
  );
}
