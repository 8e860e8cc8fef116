import { AppShell } from "@/components/studio/app-shell";
import { requireAdminContext } from "@/lib/auth/context";

const ADMIN_NAV = [
  {
    label: "Platform",
    items: [
      ["/admin", "Home"],
      ["/admin/broadcasts", "Notify All Users"],
    ],
  },
] as const;

// Platform admins only: everyone else, signed in or not, gets a 404 as if /admin did not exist.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { user: admin } = await requireAdminContext();
  return (
    <AppShell
      width="max-w-5xl"
      brand={<span className="text-lg font-bold text-white">ShootQ Admin</span>}
      userName={admin.name}
      navLabel="Admin"
      nav={ADMIN_NAV}
    >
      {children}
    </AppShell>
  );
}
