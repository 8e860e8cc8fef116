import { NavLink } from "@/components/studio/nav-link";
import { SignOutButton } from "@/components/studio/sign-out-button";
import { requireAdminContext } from "@/lib/auth/context";

const ADMIN_NAV = [
  ["/admin", "Home"],
  ["/admin/broadcasts", "Notify All Users"],
] as const;

// Platform admins only: everyone else, signed in or not, gets a 404 as if /admin did not exist.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user: admin } = await requireAdminContext();
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <span className="text-lg font-bold text-white">ShootQ Admin</span>
          <div className="flex items-center gap-4">
            <span className="text-sm text-slate-300">{admin.name}</span>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Admin" className="mx-auto flex max-w-5xl gap-1 px-4 pb-2">
          {ADMIN_NAV.map(([href, label]) => (
            <NavLink key={href} href={href}>
              {label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </div>
  );
}
