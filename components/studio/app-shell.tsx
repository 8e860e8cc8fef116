import { type ReactNode } from "react";
import { MenuButton } from "@/components/studio/menu-button";
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
  // Below lg (1024 px: the navigation does not fit a tablet's 768 in one row) the tools and the navigation fold behind "Menu" (data-menu on the header opens them).
  return (
    <div className="min-h-screen">
      <header className="group bg-slate-900" data-menu="closed">
        <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-3`}>
          {brand}
          <MenuButton controls="header-tools header-nav" />
          <div
            id="header-tools"
            className="hidden w-full flex-col items-stretch gap-3 group-data-[menu=open]:flex lg:flex lg:w-auto lg:flex-row lg:flex-wrap lg:items-center lg:gap-4"
          >
            {tools}
            <span className="text-sm text-slate-300">{userName}</span>
            <SignOutButton />
          </div>
        </div>
        <nav
          id="header-nav"
          aria-label={navLabel}
          className={`mx-auto hidden ${width} flex-col gap-x-6 gap-y-1 px-4 pb-2 group-data-[menu=open]:flex lg:flex lg:flex-row lg:flex-wrap lg:items-center lg:justify-between`}
        >
          {nav.map((group) => (
            <ul key={group.label} aria-label={group.label} className="flex flex-col gap-1 lg:flex-row lg:flex-wrap">
              {group.items.map(([href, label]) => (
                <li key={href}>
                  <NavLink href={href}>{label}</NavLink>
                </li>
              ))}
            </ul>
          ))}
        </nav>
      </header>
      <main id="main" className={`mx-auto ${width} px-4 py-8`}>
        {children}
      </main>
    </div>
  );
}
